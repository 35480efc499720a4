// Charts of the reporting dashboard (ECharts, vendored). The data comes from the page in a JSON script element
// (json_script: no inline script, the Content Security Policy allows scripts from our own files only).
(function () {
  "use strict";
  var source = document.getElementById("dashboard-data");
  if (!source || typeof echarts === "undefined") {
    return;
  }
  var data = JSON.parse(source.textContent || "{}");
  if (!data) {
    return;
  }
  var labels = data.labels || {};
  var charts = [];

  // 1234.5 → "1.234,5": the page's own number format.
  function number(value, decimals) {
    if (value === null || value === undefined) {
      return "—";
    }
    var scale = Math.pow(10, typeof decimals === "number" ? decimals : 2);
    var parts = (Math.round(value * scale) / scale).toString().split(".");
    parts[0] = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    return parts.join(",");
  }

  // 106.947 → "106,947°": a map axis label (three decimals, about 100 m).
  function degrees(value) {
    return number(value, 3) + "°";
  }
  window.trethoDashboardNumber = number;  // for the browser tests

  function start(id) {
    var element = document.getElementById(id);
    if (!element) {
      return null;
    }
    var chart = echarts.init(element, null, { renderer: "canvas" });
    charts.push(chart);
    return chart;
  }

  // Bar chart: the indicator by lower unit, one series per status (stacked: one bar a unit) so the legend's
  // swatches are the bars' colours; the due value as a marker, only when some unit has a target.
  function bar(chart, bars) {
    var many = bars.units.length > 12;
    var series = bars.series.map(function (each) {
      return { name: each.name, type: "bar", stack: "result", data: each.values, itemStyle: { color: each.colour } };
    });
    var names = bars.series.map(function (each) { return each.name; });
    if (bars.targets.length) {
      series.push({ name: labels.target, type: "scatter", symbol: "diamond", symbolSize: 10,
                    itemStyle: { color: "#212529" }, data: bars.targets });
      names.push(labels.target);
    }
    chart.setOption({
      tooltip: {
        trigger: "axis",
        formatter: function (items) {
          var index = items[0].dataIndex;
          var text = echarts.format.encodeHTML(bars.units[index]) + ": " + number(bars.values[index]);
          if (bars.targets.length && bars.targets[index] !== null) {
            text += "<br>" + echarts.format.encodeHTML(labels.target) + ": " + number(bars.targets[index]);
          }
          return text;
        }
      },
      legend: { data: names, bottom: 0 },
      grid: { left: many ? 150 : 60, right: 20, top: 20, bottom: many ? 40 : 90, containLabel: false },
      xAxis: many ? { type: "value", axisLabel: { formatter: number } }
                  : { type: "category", data: bars.units, axisLabel: { interval: 0, rotate: 30 } },
      yAxis: many ? { type: "category", data: bars.units, inverse: true, axisLabel: { width: 140, overflow: "truncate" } }
                  : { type: "value", axisLabel: { formatter: number } },
      series: series
    });
  }

  // Trend: the indicator over the yearly periods; years before the 2025 reform (predecessors' sums) are
  // shaded and named in the tooltip.
  function trend(chart, line) {
    var reformed = [];
    line.periods.forEach(function (period, index) {
      if (line.reform[index]) {
        reformed.push(period);
      }
    });
    var area = reformed.length ? [[{ xAxis: reformed[0], name: labels.reform }, { xAxis: reformed[reformed.length - 1] }]] : [];
    chart.setOption({
      tooltip: {
        trigger: "axis",
        formatter: function (items) {
          var item = items[0];
          var note = line.reform[item.dataIndex] ? "<br><small>" + echarts.format.encodeHTML(labels.reform) + "</small>" : "";
          return echarts.format.encodeHTML(item.axisValue) + ": " + number(item.value) + note;
        }
      },
      grid: { left: 60, right: 20, top: 30, bottom: 30 },
      xAxis: { type: "category", data: line.periods },
      yAxis: { type: "value", axisLabel: { formatter: number } },
      series: [{
        name: labels.value, type: "line", data: line.values, connectNulls: false, symbolSize: 8,
        markArea: { silent: true, itemStyle: { color: "rgba(13, 202, 240, 0.12)" },
                    label: { fontSize: 10, color: "#055160" }, data: area }
      }]
    });
  }

  // Map: lower units at their coordinates (longitude, latitude), the dot's size by the value, coloured by status.
  // No boundaries are shipped: a scatter on a plain longitude/latitude plane.
  function map(chart, points) {
    var values = points.map(function (point) { return point.value[2] || 0; });
    var top = Math.max.apply(null, values.concat([1]));
    chart.setOption({
      tooltip: {
        formatter: function (item) {
          return echarts.format.encodeHTML(item.name) + ": " + number(item.value[2]);
        }
      },
      grid: { left: 50, right: 30, top: 20, bottom: 30 },
      // A margin round the points so the outermost dots are not cut by the plot's edge.
      xAxis: { type: "value", scale: true, name: "", boundaryGap: ["8%", "8%"], axisLabel: { formatter: degrees } },
      yAxis: { type: "value", scale: true, boundaryGap: ["8%", "8%"], axisLabel: { formatter: degrees } },
      series: [{
        type: "scatter",
        data: points.map(function (point) {
          return { name: point.name, value: point.value, itemStyle: { color: point.colour, opacity: 0.8 } };
        }),
        symbolSize: function (value) { return 8 + 22 * Math.sqrt((value[2] || 0) / top); }
      }]
    });
  }

  if (data.bar) {
    // Many units: horizontal bars, one line of text each, the box as tall as they need.
    var barBox = document.getElementById("chart-bar");
    if (barBox && data.bar.units.length > 12) {
      barBox.style.height = Math.max(360, data.bar.units.length * 18 + 80) + "px";
    }
    var barChart = start("chart-bar");
    if (barChart) { bar(barChart, data.bar); }
  }
  if (data.trend) {
    var trendChart = start("chart-trend");
    if (trendChart) { trend(trendChart, data.trend); }
  }
  if (data.map) {
    var mapChart = start("chart-map");
    if (mapChart) { map(mapChart, data.map.points); }
  }
  window.addEventListener("resize", function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
  document.documentElement.dataset.dashboardCharts = String(charts.length);
}());
