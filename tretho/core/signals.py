"""Signals core sends without knowing who listens (accounts and audit record them)."""

from django.dispatch import Signal

# sender=model class, request=..., object_pk=... : an existing object was asked for outside the user's scope.
access_denied = Signal()

# sender=model class, request=..., obj=the record, action=VIEW or CHANGE: a user opened or changed a record
# holding personal data (detail, edit and history pages, API detail). Recorded as a RecordAccess row.
record_accessed = Signal()

# sender=model class, request=..., format="xlsx"/"api"/…, filters={name: value}, rows=int: a user took rows out
# of the application (an Excel download, an API list of personal records). Recorded as a security event.
export_done = Signal()
