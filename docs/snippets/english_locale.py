from wagtail.models import Locale

Locale.objects.get_or_create(language_code="en")
