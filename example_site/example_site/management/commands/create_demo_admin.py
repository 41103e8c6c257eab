from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

USERNAME = "admin"
PASSWORD = "kommunnatverk-demo"  # noqa: S105 - a local demo account, printed on purpose


class Command(BaseCommand):
    help = "Create the demo superuser (once) and print its credentials."

    def handle(self, *args, **options) -> None:
        user_model = get_user_model()
        if not user_model.objects.filter(username=USERNAME).exists():
            user_model.objects.create_superuser(USERNAME, "admin@example.invalid", PASSWORD)
            self.stdout.write("Demo admin created.")
        self.stdout.write(f"Admin login: {USERNAME} / {PASSWORD}")
