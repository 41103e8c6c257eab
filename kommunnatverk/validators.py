"""Validators for input that is not language: colours, phone numbers, free text."""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

validate_hex_colour = RegexValidator(
    regex=r"^#[0-9A-Fa-f]{6}$",
    message=_("Enter a colour as a hex code with a leading #, for example #3F7E44."),
    code="invalid_colour",
)

# Swedish and international numbers: optional +, digits, spaces, dashes, parentheses,
# and 7 to 15 digits in all (ITU E.164 allows at most 15).
validate_phone_number = RegexValidator(
    regex=r"^\+?(?:[ ()-]*\d){7,15}[ ()-]*$",
    message=_("Enter a valid phone number, for example 010-123 45 67 or +46 10 123 45 67."),
    code="invalid_phone",
)


def has_control_characters(text: str) -> bool:
    """Databases refuse some (PostgreSQL: NUL); none belongs in a search or a filter."""
    return any(ord(char) < 32 or ord(char) == 127 for char in text)
