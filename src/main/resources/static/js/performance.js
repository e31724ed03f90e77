// Draws the performance review's charts with Chart.js from the numbers the server put in the
// data-chart attribute; the labels come translated in data-* attributes. No inline script (CSP).
(function () {
  'use strict';
  function draw() {
    var box = document.getElementById('performance-charts');
    if (!box || typeof Chart === 'undefined') {
      return;
    }
    var d = JSON.parse(box.dataset.chart);
    var colors = {note: '#94a3b8', call: '#2563eb', visit: '#16a34a', meeting: '#f59e0b', task: '#9333ea'};
    var money = function (v) { return d.currency + ' ' + Number(v).toLocaleString(); };
    window.performanceCharts = [
      new Chart(document.getElementById('chart-won'), {
        type: 'bar',
        data: {labels: d.labels, datasets: [
          {label: box.dataset.labelWon, data: d.won, backgroundColor: '#2563eb'},
          {label: box.dataset.labelTarget, data: d.target, backgroundColor: '#cbd5e1'}]},
        options: {responsive: true, maintainAspectRatio: false, animation: false,
          plugins: {tooltip: {callbacks: {label: function (c) { return c.dataset.label + ': ' + money(c.raw); }}}}}
      }),
      new Chart(document.getElementById('chart-activities'), {
        type: 'bar',
        data: {labels: d.labels, datasets: Object.keys(d.activities).map(function (type) {
          return {label: box.dataset['type' + type.charAt(0).toUpperCase() + type.slice(1)] || type,
            data: d.activities[type], backgroundColor: colors[type] || '#64748b'};
        })},
        options: {responsive: true, maintainAspectRatio: false, animation: false,
          scales: {x: {stacked: true}, y: {stacked: true}}}
      }),
      new Chart(document.getElementById('chart-funnel'), {
        type: 'bar',
        data: {labels: box.dataset.funnelSteps.split('|'),
          datasets: [{label: box.dataset.labelCount, data: d.funnel, backgroundColor: ['#94a3b8', '#64748b', '#2563eb', '#16a34a']}]},
        options: {indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
          plugins: {legend: {display: false}}}
      })
    ];
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
