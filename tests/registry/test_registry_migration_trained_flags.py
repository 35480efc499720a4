"""Migration registry 0004 turns the old typed "trained" flags into trainings with participants before dropping
them: no record of a training is lost."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("registry", "0003_checklist_version_label"), ("activities", "0002_participant_sex_unknown")]
AFTER = [("registry", "0004_staff_trained_from_participations")]


@pytest.mark.django_db(transaction=True)
def test_flags_become_trainings_with_participants():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    unit_model = old.get_model("geo", "AdministrativeUnit")
    unit = unit_model.objects.create(code="99901", name="Xã Thử", level=3, unit_type="xa", path="/99901/")
    group = old.get_model("registry", "ChildcareGroup").objects.create(name="Nhóm Thử", unit=unit)
    staff_model = old.get_model("registry", "Staff")
    first = staff_model.objects.create(group=group, full_name="Người Một", role="caregiver", trained=True,
                                       trained_on=dt.date(2018, 5, 4), training_note="Kỹ năng chăm sóc trẻ")
    second = staff_model.objects.create(group=group, full_name="Người Hai", role="owner_manager", trained=True,
                                        trained_on=dt.date(2018, 5, 4), training_note="Kỹ năng chăm sóc trẻ")
    undated = staff_model.objects.create(group=group, full_name="Người Ba", role="teacher", trained=True,
                                         start_date=dt.date(2019, 1, 2))
    staff_model.objects.create(group=group, full_name="Người Bốn", role="caregiver", trained=False)

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    trainings = new.get_model("activities", "Training").objects.filter(unit_id=unit.pk).order_by("start_date")
    assert [(t.title, t.start_date) for t in trainings] == [
        ("Kỹ năng chăm sóc trẻ", dt.date(2018, 5, 4)),
        ("Tập huấn (ghi nhận trước khi có hồ sơ lớp tập huấn)", dt.date(2019, 1, 2))]
    participants = new.get_model("activities", "TrainingParticipant").objects.order_by("staff_id")
    assert [(p.staff_id, p.training_id, p.category, p.sex, p.completed) for p in participants] == [
        (first.pk, trainings[0].pk, "bao_mau", "", True),
        (second.pk, trainings[0].pk, "chu_nhom", "", True),
        (undated.pk, trainings[1].pk, "giao_vien", "", True)]
    assert trainings[0].search_key == "ky nang cham soc tre"
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
