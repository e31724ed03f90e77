// Sends the CSRF token with every htmx request and keeps small UI behaviours out of the templates (CSP forbids inline scripts).
(function () {
  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }
  document.addEventListener('htmx:configRequest', function (e) {
    var c = csrf();
    if (c) { e.detail.headers[c.header] = c.token; }
  });
  document.addEventListener('click', function (e) {
    var all = e.target.closest('[data-select-all]');
    if (all) {
      document.querySelectorAll('input[name="' + all.dataset.selectAll + '"]').forEach(function (b) { b.checked = all.checked; });
    }
    var remove = e.target.closest('[data-remove-row]');
    if (remove) { remove.closest('tr').remove(); }
    var confirmEl = e.target.closest('[data-confirm]');
    if (confirmEl && !window.confirm(confirmEl.dataset.confirm)) { e.preventDefault(); e.stopPropagation(); }
  }, true);
  // fields that only apply to one customer type (credit code, birthday) follow the type select
  function syncTypeFields() {
    var type = document.getElementById('type');
    if (!type) { return; }
    document.querySelectorAll('[data-show-for]').forEach(function (el) {
      el.hidden = el.dataset.showFor !== type.value;
    });
  }
  // the import upload form offers only the match keys of the chosen record type (only customers have a credit code)
  function syncMatchKeys() {
    var type = document.querySelector('#upload-form #type');
    var match = document.querySelector('#upload-form #matchOn');
    if (!type || !match) { return; }
    Array.prototype.forEach.call(match.options, function (o) {
      if (o.dataset.importTypes === undefined) { return; }
      var fits = (' ' + o.dataset.importTypes + ' ').indexOf(' ' + type.value + ' ') >= 0;
      o.hidden = !fits;
      o.disabled = !fits;
      if (!fits && o.selected) { match.value = ''; }
    });
  }
  document.addEventListener('DOMContentLoaded', syncTypeFields);
  document.addEventListener('DOMContentLoaded', syncMatchKeys);
  document.addEventListener('change', function (e) {
    if (e.target.matches('[data-autosubmit]')) { e.target.form.requestSubmit(); }
    if (e.target.id === 'type') { syncTypeFields(); syncMatchKeys(); }
  });
  // the payment plan editor shows the running sum of its instalments against the total
  function planSum(form) {
    var out = form && form.querySelector('[data-plan-sum]');
    if (!out) { return; }
    var cents = 0;
    form.querySelectorAll('input[name="amount"]').forEach(function (i) {
      var v = parseFloat((i.value || '').replace(/,/g, ''));
      if (!isNaN(v)) { cents += Math.round(v * 100); }
    });
    out.textContent = (cents / 100).toFixed(2);
    out.classList.toggle('error', Math.round(parseFloat(form.dataset.planTotal) * 100) !== cents);
  }
  document.addEventListener('input', function (e) { planSum(e.target.closest('form[data-plan-total]')); });
  document.addEventListener('htmx:afterSettle', function () {
    document.querySelectorAll('form[data-plan-total]').forEach(planSum);
  });
  document.addEventListener('click', function (e) {
    if (e.target.closest('[data-remove-row]')) { setTimeout(function () { document.querySelectorAll('form[data-plan-total]').forEach(planSum); }); }
  });
})();
