"""Token for scripts and other systems: POST username and password, get a token for the Authorization header
("Token <key>"). Failed attempts count towards the same lockout as the login page (django-axes)."""

from rest_framework.authtoken.views import ObtainAuthToken

from tretho.core.views import SCOPE_PUBLIC


class TokenView(ObtainAuthToken):
    scoped_by = SCOPE_PUBLIC
