// The map of childcare groups (registry/map.html): points from the page's JSON (json_script), drawn with the vendored
// ECharts on longitude/latitude axes; coloured by status or by last visit outcome (the radio buttons switch without
// reloading); a click on a point opens the group. No inline script or style: the Content Security Policy forbids them.
(function () {
  "use strict";
  var source = document.getElementById("group-map-data");
  var element = document.getElementById("group-map");
  if (!source || !element || typeof echarts === "undefined") {
    return;
  }
  var data = JSON.parse(source.textContent);
  data.points.forEach(function (point) {  // the group's page: its id between the two halves of the address
    point.url = data.groupUrl ? data.groupUrl[0] + point.id + data.groupUrl[1] : "";
  });
  var chart = echarts.init(element, null, {renderer: "canvas"});

  function escapeHtml(text) {
    var div = document.createElement("div");
    div.textContent = text == null ? "" : String(text);
    return div.innerHTML;
  }

  function label(colourBy, key) {
    var found = data.legends[colourBy].filter(function (category) { return category.key === key; })[0];
    return found ? found.label : key;
  }

  // The points of each drawn series, in drawing order: events name a series and an index in it.
  // No `large: true` even for a country: in that mode ECharts stops answering hover and click past its threshold
  // (apache/echarts#19716), and a click must open the group.
  var drawn = [];

  function pointOf(params) {
    var points = drawn[params.seriesIndex];
    return points ? points[params.dataIndex] : null;
  }

  function tooltip(params) {
    var point = pointOf(params);
    if (!point) {
      return "";
    }
    var lines = ["<div class=\"group-map-tip\"><strong>" + escapeHtml(point.name) + "</strong>",
      escapeHtml(point.unit),
      escapeHtml(data.labels.status) + ": " + escapeHtml(label("status", point.status)),
      escapeHtml(data.labels.lastVisit) + ": " + escapeHtml(label("visit", point.visit)) +
        (point.visit_date ? " (" + escapeHtml(point.visit_date) + ")" : "")];
    if (point.approximate) {
      lines.push("<em>" + escapeHtml(data.labels.approximate) + "</em>");
    }
    return lines.join("<br>") + "</div>";
  }

  function series(colourBy) {
    var key = colourBy === "visit" ? "visit" : "status";
    drawn = [];
    return data.legends[colourBy].map(function (category) {
      var points = data.points.filter(function (point) { return point[key] === category.key; });
      drawn.push(points);
      return {
        type: "scatter",
        name: category.label,
        symbolSize: 14,
        itemStyle: {color: category.colour, borderColor: "#212529", borderWidth: 1, opacity: 0.9},
        emphasis: {scale: 1.5},
        data: points.map(function (point) {
          return {value: [point.lon, point.lat], symbol: point.approximate ? "diamond" : "circle"};
        })
      };
    });
  }

  function axis(name, position, gap) {
    return {
      type: "value", scale: true, name: name, position: position, nameLocation: "middle", nameGap: gap,
      // Three decimals (about 100 m): two would label a ward-sized map "10.94, 10.94, 10.94".
      // Written the Vietnamese way: 10,947 (a decimal comma; degrees never reach a thousand).
      axisLabel: {formatter: function (value) { return value.toFixed(3).replace(".", ","); }, hideOverlap: true},
      splitLine: {lineStyle: {color: "#e9ecef"}}
    };
  }

  function draw(colourBy) {
    chart.setOption({
      animation: false,
      grid: {left: 72, right: 24, top: 16, bottom: 48, containLabel: false},
      tooltip: {trigger: "item", confine: true, formatter: tooltip},
      xAxis: axis(data.labels.longitude, "bottom", 28),
      yAxis: axis(data.labels.latitude, "left", 56),
      dataZoom: [
        {type: "inside", xAxisIndex: 0, filterMode: "none"},
        {type: "inside", yAxisIndex: 0, filterMode: "none"}
      ],
      series: series(colourBy)
    }, {notMerge: true});
    drawLegend(colourBy);
    element.setAttribute("data-colour-by", colourBy);
  }

  function drawLegend(colourBy) {
    var list = document.getElementById("group-map-legend");
    if (!list) {
      return;
    }
    list.textContent = "";
    data.legends[colourBy].forEach(function (category) {
      if (!category.count) {
        return;  // only the categories present on the map
      }
      var item = document.createElement("li");
      item.className = "list-inline-item";
      var swatch = document.createElement("span");
      swatch.className = "group-map-swatch";
      swatch.style.backgroundColor = category.colour;  // CSSOM, allowed by the policy (unlike style="")
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(" " + category.label + " (" + category.count + ")"));
      list.appendChild(item);
    });
  }

  chart.on("click", function (params) {
    var point = pointOf(params);
    if (point && point.url) {
      window.location.assign(point.url);
    }
  });

  document.querySelectorAll("input[data-map-colour]").forEach(function (input) {
    input.addEventListener("change", function () {
      if (!input.checked) {
        return;
      }
      draw(input.value);
      var url = new URL(window.location.href);
      url.searchParams.set("colour", input.value);
      window.history.replaceState(null, "", url.toString());
    });
  });

  window.addEventListener("resize", function () { chart.resize(); });
  draw(data.colourBy);
  // For the browser test: the drawn points are read back from the chart.
  window.trethoGroupMap = chart;
  window.trethoGroupMapPoints = function () { return drawn; };
})();
