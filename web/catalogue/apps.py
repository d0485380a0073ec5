from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "web.catalogue"
    label = "catalogue"
    verbose_name = "主动公开"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from web.calendar.models import CalendarDay, HolidayYear
        from web.catalogue.timeliness import forget_calendar

        for model in (CalendarDay, HolidayYear):
            post_save.connect(forget_calendar, sender=model, dispatch_uid=f"catalogue-calendar-{model.__name__}-save")
            post_delete.connect(forget_calendar, sender=model, dispatch_uid=f"catalogue-calendar-{model.__name__}-del")
