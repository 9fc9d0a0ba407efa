// The drafted first sentences above narrative blocks: use it, write your own or drop it; drawn again whenever figures change.
(function () {
  'use strict';
  var d = document, form = d.getElementById('form'), L = d.getElementById('dt');
  if (!form || !L || !form.querySelector('.dr')) return;
  L = L.dataset;
  var period = +form.dataset.period, csrf = form.dataset.csrf, asking = null;

  function el(tag, cls, text) { var e = d.createElement(tag); if (cls) e.className = cls; if (text) e.textContent = text; return e; }
  function locked() { return form.dataset.locked === '1'; }

  function draw(v, message) {
    var box = d.getElementById('d-' + v.q);
    if (!box || box.contains(d.activeElement) && box.querySelector('textarea')) return; // the member is writing their own
    box.dataset.fp = v.fingerprint || ''; box.dataset.state = v.state;
    box.textContent = '';
    box.appendChild(el('p', 'dt', L.title));
    if (v.text) box.appendChild(el('p', 'ds', '«' + v.text + '»'));
    box.appendChild(el('p', 'dn', v.note));
    if (v.lead) box.appendChild(el('p', 'dl', v.lead));
    if (v.text) {
      var row = el('div', 'row');
      [['accept', L.accept], ['edit', L.edit], ['drop', L.drop]].forEach(function (b) {
        var e = el('button', null, b[1]); e.type = 'button'; e.dataset.c = b[0]; e.disabled = locked(); row.appendChild(e);
      });
      box.appendChild(row);
    }
    var m = el('div', 'dm', message || ''); m.setAttribute('role', 'status'); box.appendChild(m);
  }

  function refresh() {
    clearTimeout(asking);
    asking = setTimeout(function () { // one look after a burst of saves
      fetch('/app/form/drafts', { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.json() : null; })
        .then(function (j) { if (j) Object.keys(j).forEach(function (q) { draw(j[q]); }); }, function () { /* the next change */ });
    }, 300);
  }

  function choose(box, choice, text) {
    fetch('/app/form/sentence', {
      method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      body: JSON.stringify({ period: period, q: box.dataset.dq, choice: choice, fingerprint: box.dataset.fp, text: text })
    }).then(function (r) { return r.json(); }).then(function (j) {
      var q = box.dataset.dq;
      if (j.drafts && j.drafts[q]) { if (d.activeElement) d.activeElement.blur(); box.textContent = ''; draw(j.drafts[q], j.message); }
      else box.querySelector('.dm').textContent = j.message;
      if (j.drafts) Object.keys(j.drafts).forEach(function (o) { if (o !== q) draw(j.drafts[o]); });
    }, function () { box.querySelector('.dm').textContent = L.conn; });
  }

  function edit(box) {
    var area = el('textarea'), row = el('div', 'row'), save = el('button', null, L.save), cancel = el('button', null, L.cancel);
    var state = box.dataset.state, own = box.querySelector('.dn').textContent;
    area.rows = 3; area.maxLength = 1000; area.setAttribute('aria-label', L.label); area.placeholder = L.label;
    area.value = box.querySelector('.ds').textContent.replace(/^«|»$/g, '');
    if (state === 'edited') area.value = own.slice(own.indexOf('«') + 1, own.lastIndexOf('»'));
    save.type = cancel.type = 'button';
    save.onclick = function () { choose(box, 'edit', area.value); };
    cancel.onclick = function () { area.blur(); refresh(); };
    row.appendChild(save); row.appendChild(cancel);
    var old = box.querySelector('.row'); box.replaceChild(row, old); box.insertBefore(area, row);
    area.focus();
  }

  form.addEventListener('click', function (e) {
    var box = e.target.closest('.dr'), c = e.target.dataset.c;
    if (!box || !c || locked()) return;
    if (c === 'edit') edit(box); else choose(box, c);
  });
  form.addEventListener('figures', refresh);
})();
