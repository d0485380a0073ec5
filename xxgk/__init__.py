"""xxgk: the statutory annual report on government information disclosure (政府信息公开工作年度报告).

The core package is pure Python: it never imports Django. The web system in ``web/`` imports it.
"""

__version__ = "0.1.0"
