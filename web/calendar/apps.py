from django.apps import AppConfig


class CalendarConfig(AppConfig):
    name = "web.calendar"
    label = "calendar"
    verbose_name = "工作日历"
