// The opportunity board: cards are dragged between stage columns with SortableJS; a drop posts the
// move with the card's version. On success the card is replaced (new version) and the totals are
// reloaded; on a conflict or a refused move the card snaps back and the server's message shows.
(function () {
  function board() { return document.getElementById('board'); }

  function headers() {
    var h = { 'Content-Type': 'application/x-www-form-urlencoded', 'HX-Request': 'true' };
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) { h[header.content] = token.content; }
    return h;
  }

  function show(message) {
    var box = document.getElementById('board-message');
    if (!box) { return; }
    box.textContent = message || '';
    box.hidden = !message;
  }

  function snapBack(item, from, oldIndex) {
    var cards = from.querySelectorAll('.opp-card');
    var ref = null;
    for (var i = 0, n = 0; i < cards.length; i++) {
      if (cards[i] === item) { continue; }
      if (n === oldIndex) { ref = cards[i]; break; }
      n++;
    }
    from.insertBefore(item, ref);
  }

  function refreshTotals() {
    var url = board().dataset.totalsUrl;
    if (window.htmx && url) {
      window.htmx.ajax('GET', url, { target: '#board-totals-sink', swap: 'innerHTML' });
    }
  }

  /** Posts the move of a card to a column; used by the drop and usable from tests or a keyboard control. */
  function move(item, from, to, oldIndex) {
    var reason = '';
    if (to.dataset.kind === 'lost') {
      reason = window.prompt(board().dataset.lossPrompt) || '';
      if (!reason.trim()) {
        snapBack(item, from, oldIndex);
        show(board().dataset.lossRequired);
        return Promise.resolve(false);
      }
    }
    item.classList.add('moving');
    var body = new URLSearchParams({ stageId: to.dataset.stage, version: item.dataset.version, lossReason: reason });
    return fetch(item.dataset.moveUrl, { method: 'POST', headers: headers(), body: body, credentials: 'same-origin' })
      .then(function (r) { return r.text().then(function (t) { return { ok: r.ok, text: t }; }); })
      .then(function (res) {
        if (res.ok) {
          var holder = document.createElement('div');
          holder.innerHTML = res.text.trim();
          var fresh = holder.firstElementChild;
          item.replaceWith(fresh);
          show('');
          refreshTotals();
          return true;
        }
        item.classList.remove('moving');
        snapBack(item, from, oldIndex);
        var holder2 = document.createElement('div');
        holder2.innerHTML = res.text;
        show(holder2.textContent.trim());
        return false;
      })
      .catch(function () {
        item.classList.remove('moving');
        snapBack(item, from, oldIndex);
        return false;
      });
  }

  function init() {
    if (!board() || !window.Sortable) { return; }
    board().querySelectorAll('.board-cards').forEach(function (column) {
      window.Sortable.create(column, {
        group: 'board',
        draggable: '.opp-card',
        animation: 120,
        // pointer events instead of native drag and drop: works the same with a mouse, a finger and a driven browser
        forceFallback: true,
        fallbackTolerance: 3,
        onEnd: function (evt) {
          if (evt.from === evt.to) { return; }
          move(evt.item, evt.from, evt.to, evt.oldDraggableIndex);
        }
      });
    });
    board().dataset.ready = 'true';
  }

  window.rapportBoard = { move: move };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
