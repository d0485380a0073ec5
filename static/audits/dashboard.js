// Batch dashboard: findings by rule, by agency, and applications by outcome (ECharts, data from json_script).
(function () {
  "use strict";
  var source = document.getElementById("dashboard-data");
  if (!source || typeof echarts === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var font = { fontFamily: "Noto Sans CJK SC, Microsoft YaHei, sans-serif" };
  function bar(id, pairs, color, horizontal) {
    var el = document.getElementById(id);
    if (!el) { return; }
    if (horizontal) { el.style.height = Math.max(240, 28 * pairs.length + 60) + "px"; }
    var chart = echarts.init(el, null, { renderer: "svg" });
    var names = pairs.map(function (p) { return p[0]; });
    var values = pairs.map(function (p) { return p[1]; });
    var category = { type: "category", data: names, axisLabel: { interval: 0, width: 160, overflow: "truncate" } };
    var value = { type: "value", minInterval: 1 };
    chart.setOption({
      textStyle: font, animation: false, color: [color],
      grid: { left: horizontal ? 170 : 40, right: 30, top: 20, bottom: horizontal ? 30 : 60 },
      tooltip: { trigger: "axis" },
      xAxis: horizontal ? value : Object.assign({}, category, { axisLabel: { interval: 0, rotate: 30 } }),
      yAxis: horizontal ? Object.assign({}, category, { inverse: true }) : value,
      series: [{ type: "bar", data: values, label: { show: true, position: horizontal ? "right" : "top" } }]
    });
    el.setAttribute("data-rendered", "true");
    window.addEventListener("resize", function () { chart.resize(); });
  }
  bar("chart-rules", data.by_rule, "#b3261e", true);
  bar("chart-agencies", data.by_agency, "#1f5fa8", true);
  var el = document.getElementById("chart-outcomes");
  if (el) {
    var pie = echarts.init(el, null, { renderer: "svg" });
    pie.setOption({
      textStyle: font, animation: false,
      tooltip: { trigger: "item", formatter: "{b}：{c} 件（{d}%）" },
      legend: { bottom: 0 },
      series: [{ type: "pie", radius: ["35%", "65%"], label: { formatter: "{b}\n{c} 件" },
        data: data.outcomes.map(function (p) { return { name: p[0], value: p[1] }; }) }]
    });
    el.setAttribute("data-rendered", "true");
    window.addEventListener("resize", function () { pie.resize(); });
  }
})();
