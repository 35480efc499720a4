from .supervision.api import ROUTES as SUPERVISION_ROUTES

ROUTES: list = [*SUPERVISION_ROUTES]
