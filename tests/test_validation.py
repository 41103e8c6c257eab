"""Bad values are refused with a message on the field, in the editor's language."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from kommunnatverk.models import Contact, Goal, ProjectPage

from . import factories

pytestmark = pytest.mark.django_db


def field_errors(obj, language: str = "sv") -> dict[str, list[str]]:
    with translation.override(language):
        with pytest.raises(ValidationError) as excinfo:
            obj.full_clean()
        return {
            field: [str(m) for m in messages]
            for field, messages in excinfo.value.message_dict.items()
        }


def test_project_cannot_end_before_it_starts():
    project = ProjectPage(
        title="P",
        slug="p",
        start_date=datetime.date(2013, 6, 1),
        end_date=datetime.date(2012, 9, 1),
    )
    assert field_errors(project, "sv")["end_date"] == ["Projektet kan inte sluta innan det börjar."]
    assert field_errors(project, "en")["end_date"] == ["The project cannot end before it starts."]


def test_project_may_end_the_day_it_starts():
    day = datetime.date(2013, 6, 1)
    ProjectPage(title="P", slug="p", start_date=day, end_date=day).clean()


@pytest.mark.parametrize("colour", ["green", "#12345", "#1234567", "3F7E44", "#GG0000"])
def test_colour_must_be_hex(colour):
    goal = Goal(framework=factories.framework(), code="1", title="Mål", colour=colour)
    errors = field_errors(goal)
    assert list(errors) == ["colour"]
    assert "hexkod" in errors["colour"][0]


def test_goal_code_is_unique_within_its_framework():
    fw = factories.framework()
    factories.goal(fw, code="7")
    clash = Goal(framework=fw, code="7", title="Annat", colour="#000000", locale=fw.locale)
    assert field_errors(clash) == {
        "code": ["Det finns redan ett mål med den här koden i ramverket."]
    }
    other = factories.framework(slug="other", title="Annat ramverk")
    factories.goal(other, code="7")  # the same code in another framework is fine


@pytest.mark.parametrize("phone", ["abc", "12", "+46 (0) 10-12x", "1234567890123456789"])
def test_phone_must_be_a_phone_number(phone):
    contact = Contact(sidebar=factories.sidebar(), name="Maria", phone=phone)
    errors = field_errors(contact)
    assert "phone" in errors
    assert "telefonnummer" in errors["phone"][0]


@pytest.mark.parametrize("phone", ["010-123 45 67", "+46 10 123 45 67", "0521-27 50 00"])
def test_real_phone_numbers_pass(phone):
    Contact(sidebar=factories.sidebar(), name="Maria", phone=phone).clean_fields(
        exclude=["sidebar", "locale", "translation_key"]
    )


def test_email_must_be_valid():
    contact = Contact(sidebar=factories.sidebar(), name="Maria", email="maria-at-example")
    assert "email" in field_errors(contact)


def test_organisation_cannot_be_its_own_parent():
    org = factories.organisation()
    org.parent = org
    assert "parent" in field_errors(org)


def test_saving_an_invalid_snippet_from_code_names_the_field():
    goal = Goal(framework=factories.framework(), code="1", title="Mål", colour="grön")
    with pytest.raises(ValidationError) as excinfo:
        goal.save()
    assert "colour" in excinfo.value.message_dict
    assert goal.pk is None
