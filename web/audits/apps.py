from django.apps import AppConfig


class AuditsConfig(AppConfig):
    name = "web.audits"
    label = "audits"
    verbose_name = "年报审查"
