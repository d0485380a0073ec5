from django.apps import AppConfig


class RegistersConfig(AppConfig):
    name = "web.registers"
    label = "registers"
    verbose_name = "登记簿"
