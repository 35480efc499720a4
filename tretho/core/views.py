"""Generic, scoped views every registered model gets. Each view declares how it is scoped (`scoped_by`);
a meta-test fails for any URL whose view does not.

Scoping: every object is fetched through `Model.objects.restrict(user, action)`. A row outside the user's
scope answers 404, the same as a row that does not exist, and the attempt is logged as a security event.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import models, transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views import View
from django_tables2 import RequestConfig

from . import signals
from .exports import describe_filters, table_workbook
from .formats import is_year_field
from .history import field_changes, restore_deleted
from .registry import ModelRegistration, get_registration
from .scoping import ADD, CHANGE, DELETE, EXPORT, VIEW, path_of, scope_for, sees_personal_data, user_can

SCOPE_RESTRICT = "restrict"  # data goes through Model.objects.restrict()
SCOPE_PUBLIC = "public"  # no data (login page, static docs)
SCOPE_SELF = "self"  # only the signed-in user's own account
SCOPE_ADMIN = "admin"  # administrators only


def get_in_scope_or_404(request: HttpRequest, queryset: models.QuerySet, pk: Any) -> Any:
    """The row of a scoped queryset, else 404 — as if missing; a row that exists out of scope is a logged denial."""
    try:
        return queryset.get(pk=pk)
    except ObjectDoesNotExist:
        if queryset.model._default_manager.filter(pk=pk).exists():
            signals.access_denied.send(sender=queryset.model, request=request, object_pk=pk)
        raise Http404(_("Không tìm thấy.")) from None


class ScopedObjectMixin(LoginRequiredMixin):
    """Base of the generic views: knows its registration and fetches only what the user may see."""

    scoped_by = SCOPE_RESTRICT
    registration: ModelRegistration = None  # type: ignore[assignment]  # set by for_model()
    action = VIEW
    # Set by View in the concrete classes.
    request: HttpRequest
    kwargs: dict[str, Any]

    @classmethod
    def for_model(cls, model: type[models.Model], **kwargs: Any):
        return cls.as_view(registration=get_registration(model), **kwargs)  # type: ignore[attr-defined]  # View

    @property
    def model(self) -> type[models.Model]:
        return self.registration.model

    def get_queryset(self, action: str | None = None) -> models.QuerySet:
        return self.model.objects.restrict(self.request.user, action or self.action)  # type: ignore[attr-defined]

    def get_object(self, action: str | None = None) -> models.Model:
        return get_in_scope_or_404(self.request, self.get_queryset(action), self.kwargs["pk"])

    def url(self, page: str, obj: models.Model | None = None) -> str | None:
        if page not in self.registration.pages:
            return None
        try:
            return reverse(self.registration.url_name(page), args=[obj.pk] if obj is not None else [])
        except NoReverseMatch:
            return None

    def can(self, action: str, obj: models.Model | None = None) -> bool:
        if obj is None:
            return not scope_for(self.request.user, action, self.model).nothing
        return user_can(self.request.user, action, obj)

    def export_url(self) -> str | None:
        """The list's Excel export, for roles with the EXPORT right (viewers have none)."""
        if "list" not in self.registration.pages or not self.can(EXPORT):
            return None
        try:
            return reverse(f"{self.registration.app_label}:{self.registration.model_name}_export")
        except NoReverseMatch:
            return None

    def check_list_roles(self, action: str) -> None:
        if action in getattr(self.model, "roles_allowed", {}) and not self.can(action):
            # A list reserved to some roles (users, security events) does not exist for everyone else.
            raise Http404(_("Không tìm thấy."))

    def base_context(self) -> dict[str, Any]:
        meta = self.model._meta
        return {
            "registration": self.registration,
            "verbose_name": meta.verbose_name,
            "verbose_name_plural": meta.verbose_name_plural,
            "list_url": self.url("list"),
        }


class ObjectListView(ScopedObjectMixin, View):
    template_name = "core/object_list.html"
    paginate_by = 25

    def get(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        self.check_list_roles(VIEW)
        queryset = self.get_queryset()
        filterset = self.registration.filterset(request.GET or None, queryset=queryset, request=request)
        rows = filterset.qs if filterset.is_bound and filterset.is_valid() else queryset
        table = self.registration.table(rows, request=request)
        RequestConfig(request, paginate={"per_page": self.paginate_by}).configure(table)
        context = self.base_context() | {
            "filterset": filterset,
            "table": table,
            "add_url": self.url("add") if self.can(ADD) else None,
            "deleted_url": self.url("deleted") if getattr(request.user, "is_admin", lambda: False)() else None,
            "export_url": self.export_url(),
        }
        return render(request, self.template_name, context)


class ObjectExportView(ScopedObjectMixin, View):
    """"Xuất Excel" of a list: the rows the list's filters select (posted from the list page, so search words
    stay out of URLs), within the user's EXPORT scope, in the table's order and columns. Logged with its filters
    and row count."""

    action = EXPORT
    http_method_names = ["post"]

    def post(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        self.check_list_roles(VIEW)
        if not self.can(EXPORT):
            raise Http404(_("Không tìm thấy."))
        queryset = self.get_queryset()
        filterset = self.registration.filterset(request.POST, queryset=queryset, request=request)
        rows = filterset.qs if filterset.is_valid() else queryset.none()
        table = self.registration.table(rows, request=request)
        RequestConfig(request, paginate=False).configure(table)
        if request.POST.get("sort"):
            table.order_by = request.POST["sort"]
        title = str(self.model._meta.verbose_name_plural).capitalize()
        data, count = table_workbook(table, request.user, title)
        signals.export_done.send(sender=self.model, request=request, format="xlsx",
                                 filters=describe_filters(filterset), rows=count)
        response = HttpResponse(data, content_type=XLSX_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{self.registration.model_name}.xlsx"'
        response["Cache-Control"] = "no-store"
        return response


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def has_personal_fields(obj: models.Model) -> bool:
    return bool(getattr(obj, "personal_fields", None))


def note_access(request: HttpRequest, obj: models.Model, action: str, response: HttpResponse | None = None) -> None:
    """A page showing a record with personal data: log who opened it (one insert) and keep it out of caches."""
    if not has_personal_fields(obj):
        return
    signals.record_accessed.send(sender=type(obj), request=request, obj=obj, action=action)
    if response is not None:
        response["Cache-Control"] = "no-store"


class ObjectDetailView(ScopedObjectMixin, View):
    template_name = "core/object_detail.html"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        obj = self.get_object()
        context = self.base_context() | {
            "object": obj,
            "fields": detail_rows(obj, self.registration, request.user),
            "edit_url": self.url("edit", obj) if self.can(CHANGE, obj) else None,
            "delete_url": self.url("delete", obj) if self.can(DELETE, obj) else None,
            "history_url": self.url("history", obj),
        }
        context["related_tables"] = related_tables(request, obj, self.registration)
        template = self.registration.extra.get("detail_template", self.template_name)
        extra_context = self.registration.extra.get("detail_context")
        if extra_context:
            context |= extra_context(request, obj)
        response = render(request, template, context)
        note_access(request, obj, VIEW, response)
        return response


def related_tables(request: HttpRequest, obj: models.Model, registration: ModelRegistration) -> list[tuple[str, Any]]:
    """Tables of related records named in the registration (`extra={"related": [(accessor, title), …]}`), each
    read through restrict() and drawn with the related model's own registered table."""
    from .registry import _registry

    tables = []
    for accessor, title in registration.extra.get("related", ()):
        rows = getattr(obj, accessor).all()
        related_model = rows.model
        if getattr(related_model, "scope_path_field", ""):
            rows = rows & related_model.objects.restrict(request.user, VIEW)
        related_registration = _registry.get(related_model)
        if related_registration is None:
            continue
        table = related_registration.table(rows, request=request, prefix=f"{accessor}-")
        RequestConfig(request, paginate={"per_page": 20}).configure(table)
        tables.append((title, table))
    return tables


def detail_rows(obj: models.Model, registration: ModelRegistration, user: Any) -> list[tuple[Any, Any]]:
    """(label, display value) for the detail page; personal fields are masked for roles without the need."""
    hidden = set(getattr(obj, "personal_fields", ())) if not sees_personal_data(user) else set()
    names = registration.detail_fields or tuple(
        f.name for f in obj._meta.fields if f.editable and f.name not in {"id"}
    )
    rows = []
    for name in names:
        field = obj._meta.get_field(name)
        if name in hidden:
            value: Any = "•••"
        elif getattr(field, "choices", None):
            value = getattr(obj, f"get_{name}_display")()
        elif is_year_field(name) and getattr(obj, name) is not None:
            value = str(getattr(obj, name))  # 2017, not 2.017
        else:
            value = getattr(obj, name)
        rows.append((getattr(field, "verbose_name", name), value))
    return rows


class ObjectEditView(ScopedObjectMixin, View):
    """Add or edit. The unit chosen must be in the user's scope for the action; after saving we re-check the
    object is still in scope inside the transaction. A stale version (someone saved in between) is refused."""

    template_name = "core/object_form.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        self.action = CHANGE if "pk" in kwargs else ADD
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, obj: models.Model | None) -> Any:
        data = self.request.POST if self.request.method == "POST" else None
        # "Add … for this record" links pre-fill fields from the query string (?user=12); the form validates them.
        initial = {key: value for key, value in self.request.GET.items() if obj is None}
        return self.registration.form(data, self.request.FILES or None, instance=obj, initial=initial,
                                      user=self.request.user, action=self.action)

    def get_instance(self) -> models.Model | None:
        if self.action == ADD:
            if self.can(ADD):
                return None
            raise Http404(_("Không tìm thấy."))
        return self.get_object()

    def get(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        obj = self.get_instance()
        response = self.render_form(self.get_form(obj), obj)
        if obj is not None:
            note_access(request, obj, VIEW, response)
        return response

    def post(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        obj = self.get_instance()
        form = self.get_form(obj)
        if form.is_valid():
            try:
                with transaction.atomic():
                    saved = form.save_scoped(self.get_queryset(self.action))
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if obj is not None:
                    note_access(request, saved, CHANGE)
                messages.success(request, _("Đã lưu %(object)s.") % {"object": saved})
                return HttpResponseRedirect(self.url("detail", saved) or saved.get_absolute_url())
        response = self.render_form(form, obj, status=400)
        if obj is not None and has_personal_fields(obj):
            response["Cache-Control"] = "no-store"  # the form re-renders the posted personal values
        return response

    def render_form(self, form: Any, obj: models.Model | None, status: int = 200) -> HttpResponse:
        context = self.base_context() | {
            "form": form,
            "object": obj,
            "cancel_url": (self.url("detail", obj) if obj else self.url("list")),
        }
        return render(self.request, self.template_name, context, status=status)


class ObjectDeleteView(ScopedObjectMixin, View):
    template_name = "core/object_confirm_delete.html"
    action = DELETE

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        obj = self.get_object()
        return render(request, self.template_name, self.base_context() | {"object": obj})

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        obj = self.get_object()
        name = str(obj)
        try:
            with transaction.atomic():
                obj.delete()
        except models.ProtectedError:
            message = _("Không thể xóa %(object)s vì còn dữ liệu khác tham chiếu đến.") % {"object": name}
            messages.error(request, message)
            return HttpResponseRedirect(self.url("detail", obj) or "/")
        messages.success(request, _("Đã xóa %(object)s.") % {"object": name})
        return HttpResponseRedirect(self.url("list") or "/")


class ObjectHistoryView(ScopedObjectMixin, View):
    template_name = "core/object_history.html"

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        obj = self.get_object()
        history = obj.history  # type: ignore[attr-defined]  # TrethoModel's HistoricalRecords
        records = list(history.select_related("history_user").order_by("-history_date", "-history_id"))
        entries = [
            {"record": record, "changes": field_changes(record, hidden=_hidden_fields(obj, request.user))}
            for record in records
        ]
        response = render(request, self.template_name, self.base_context() | {
            "object": obj, "entries": entries, "detail_url": self.url("detail", obj)})
        note_access(request, obj, VIEW, response)
        return response


def _hidden_fields(obj: models.Model, user: Any) -> set[str]:
    return set() if sees_personal_data(user) else set(getattr(obj, "personal_fields", ()))


class DeletedObjectsView(ScopedObjectMixin, View):
    """Records deleted in the user's scope, from history; an administrator restores one with a click."""

    scoped_by = SCOPE_ADMIN
    template_name = "core/object_deleted.html"

    def check_admin(self) -> None:
        if not self.request.user.is_admin():  # type: ignore[union-attr]
            raise PermissionDenied

    def deleted_records(self) -> list[Any]:
        history = self.model.history.filter(history_type="-")  # type: ignore[attr-defined]
        live_ids = self.model._default_manager.values("pk")
        scope = scope_for(self.request.user, DELETE, self.model)
        records = history.exclude(id__in=live_ids).order_by("-history_date")
        # A history record has the row's fields but not the model's declarations: ask its instance.
        return [r for r in records if scope.covers(path_of(r.instance))]

    def get(self, request: HttpRequest) -> HttpResponse:
        self.check_admin()
        return render(request, self.template_name, self.base_context() | {"records": self.deleted_records()})


class RestoreObjectView(DeletedObjectsView):
    def post(self, request: HttpRequest, history_id: int) -> HttpResponse:
        self.check_admin()
        record = next((r for r in self.deleted_records() if r.history_id == history_id), None)
        if record is None:
            raise Http404(_("Không tìm thấy."))
        with transaction.atomic():
            obj = restore_deleted(record)
        messages.success(request, _("Đã khôi phục %(object)s.") % {"object": obj})
        return HttpResponseRedirect(self.url("detail", obj) or "/")

    def get(self, request: HttpRequest, history_id: int) -> HttpResponse:  # type: ignore[override]
        return HttpResponseRedirect(self.url("deleted") or "/")
