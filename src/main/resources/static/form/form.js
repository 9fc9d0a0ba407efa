// The department's form: each field saved when it is left or after a pause, kept in the page until the server has it.
(function () {
  'use strict';
  var d = document, root = d.documentElement;
  // Telegram passes its theme in the launch URL's hash; kept for the next page of the same visit.
  try {
    var theme = new URLSearchParams(location.hash.slice(1)).get('tgWebAppThemeParams') || sessionStorage.getItem('tgTheme');
    if (theme) {
      sessionStorage.setItem('tgTheme', theme);
      var p = JSON.parse(theme);
      Object.keys(p).forEach(function (k) { root.style.setProperty('--tg-theme-' + k.replace(/_/g, '-'), p[k]); });
    }
    if (window.Telegram && Telegram.WebApp) { Telegram.WebApp.ready(); Telegram.WebApp.expand(); }
  } catch (ignored) { /* no theme: the page's own colours */ }

  var form = d.getElementById('form');
  if (!form) return;
  var T = d.getElementById('t').dataset, period = form.dataset.period, csrf = form.dataset.csrf;
  var KEY = 'form:' + period + ':', since = +form.dataset.now || 0, locked = form.dataset.locked === '1';
  var timers = {}, banner = d.getElementById('banner');
  // Counts the saves answered, so that a look begun before one of them does not put back an older count.
  var savesAnswered = 0;

  function field(q) { return d.getElementById('f-' + q); }
  function box(f) { return f.querySelector('input[type=text],textarea'); }
  function val(f) {
    if (f.dataset.kind === 'choice') { var c = f.querySelector('input:checked'); return c ? c.value : ''; }
    return box(f).value;
  }
  function setVal(f, v) {
    if (f.dataset.kind === 'choice') { f.querySelectorAll('input').forEach(function (r) { r.checked = r.value === v; }); return; }
    var b = box(f); b.value = v; grow(b);
  }
  function grow(b) { if (b.tagName === 'TEXTAREA') { b.style.height = 'auto'; b.style.height = b.scrollHeight + 2 + 'px'; } }
  function state(f, s, text, message, buttons) {
    f.dataset.state = s;
    f.querySelector('.st').textContent = text || T[s];
    var m = f.querySelector('.msg');
    m.textContent = message || '';
    if (!buttons) return;
    var row = d.createElement('div');
    buttons.forEach(function (b) {
      var e = d.createElement('button'); e.type = 'button'; e.textContent = b[0]; e.onclick = b[1]; row.appendChild(e);
    });
    m.appendChild(row);
  }
  // With the version the person was looking at when typing, so a colleague's change meanwhile is not overwritten unseen.
  function keep(f) { localStorage.setItem(KEY + f.dataset.q, JSON.stringify({ value: val(f), v: f.dataset.v || '' })); }
  function kept(f) { var s = localStorage.getItem(KEY + f.dataset.q); return s ? JSON.parse(s) : null; }
  function forget(f) { localStorage.removeItem(KEY + f.dataset.q); }
  function show(j) {
    if (j.progress) d.getElementById('done').textContent = j.progress.done;
    form.dispatchEvent(new CustomEvent('figures')); // drafts.js writes the drafted sentences again from the figures stored now
    Object.keys(j.rates || {}).forEach(function (code) {
      var r = d.querySelector('[data-rate="' + code + '"] .rv');
      if (r) r.textContent = j.rates[code] ? j.rates[code] + ' %' : T.ratepending;
    });
  }
  function lock(message) {
    locked = true; form.dataset.locked = '1'; banner.textContent = message; banner.hidden = false;
    form.querySelectorAll('input,textarea,button').forEach(function (e) { e.disabled = true; });
  }

  function save(f, how) {
    how = how || {};
    if (locked) return;
    clearTimeout(timers[f.dataset.q]);
    if (f.busy) { f.again = true; return; }
    var sent = val(f);
    if (!how.skip) keep(f);
    f.busy = true;
    state(f, 'saving');
    fetch('/app/form/answer', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      body: JSON.stringify({ period: +period, q: f.dataset.q, value: how.skip ? null : sent, version: f.dataset.v ? +f.dataset.v : null,
        confirm: !!how.confirm, reason: how.confirm ? how.reason : null, overwrite: !!how.overwrite, skip: !!how.skip })
    }).then(function (r) {
      return r.json().then(function (j) { return r.status < 500 ? j : null; }, function () { return null; });
    }).then(function (j) {
      f.busy = false;
      savesAnswered++;
      if (!j) { offline(f); return; }
      answered(f, j, sent);
      if (f.again) { f.again = false; if (val(f) !== sent) save(f); }
    }, function () { f.busy = false; offline(f); });
  }

  function answered(f, j, sent) {
    var s = j.state;
    if (s === 'saved') {
      f.dataset.v = j.answer.v;
      if (val(f) === sent) {
        forget(f);
        if (d.activeElement !== box(f)) setVal(f, j.answer.value);
        state(f, 'saved', j.message);
      } else {
        state(f, 'pending');
      }
      show(j);
    } else if (s === 'confirm' || s === 'reason') {
      warned(f, j.message);
    } else if (s === 'changed') {
      var theirs = j.theirs;
      state(f, 'changed', null, j.message, [
        [T.theirs, function () { forget(f); f.dataset.v = theirs.v; setVal(f, theirs.value); state(f, 'saved', null); }],
        [T.overwrite, function () { f.dataset.v = theirs.v; save(f, { overwrite: true }); }]]);
    } else if (s === 'locked') {
      state(f, 'refused', null, j.message);
      lock(j.message);
    } else {
      state(f, 'refused', null, j.message);
    }
  }

  // A warning kept needs a short reason: typed here, sent with the confirmation, refused by the server when too short.
  function warned(f, message) {
    var typed = f.querySelector('.why') ? f.querySelector('.why').value : '';
    var why = d.createElement('input');
    state(f, 'confirm', null, message, [[T.keep, function () { save(f, { confirm: true, reason: why.value }); }]]);
    why.type = 'text'; why.className = 'why'; why.maxLength = 500; why.placeholder = T.why; why.value = typed;
    why.setAttribute('aria-label', T.why);
    var m = f.querySelector('.msg');
    m.insertBefore(why, m.lastChild);
    why.focus();
  }

  function offline(f) {
    state(f, 'offline');
    banner.textContent = T.conn; banner.hidden = false;
  }
  function retry() {
    if (locked) return;
    var any = false;
    form.querySelectorAll('.f').forEach(function (f) {
      if (!f.busy && kept(f) && (f.dataset.state === 'offline' || f.dataset.state === 'pending')) { any = true; save(f); }
    });
    if (!any && !locked) banner.hidden = true;
  }

  form.addEventListener('input', function (e) {
    var f = e.target.closest('.f');
    // the reason for a kept warning is typed inside the field: it is not a new value of the field
    if (!f || e.target.type === 'radio' || e.target.classList.contains('why')) return;
    grow(e.target);
    keep(f);
    state(f, 'pending');
    clearTimeout(timers[f.dataset.q]);
    timers[f.dataset.q] = setTimeout(function () { save(f); }, 1500);
  });
  form.addEventListener('change', function (e) {
    var f = e.target.closest('.f');
    if (e.target.classList.contains('why')) return;
    if (f && (e.target.type === 'radio' || f.dataset.state === 'pending')) save(f);
  });
  form.addEventListener('click', function (e) {
    var f = e.target.closest('.f');
    if (!f) return;
    if (e.target.classList.contains('prev')) { setVal(f, e.target.dataset.val); save(f); }
    if (e.target.classList.contains('skip')) { setVal(f, ''); forget(f); save(f, { skip: true }); }
  });

  // Colleagues' changes: a light look every 20 s and whenever the page comes back into view.
  function look() {
    if (d.hidden) return;
    var mark = savesAnswered;
    fetch('/app/form/changes?since=' + since, { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.json() : null; })
      .then(function (j) {
        if (!j) return;
        since = j.now;
        j.answers.forEach(function (a) {
          var f = field(a.q);
          if (!f || (f.dataset.v && +f.dataset.v >= a.v)) return;
          if (kept(f) || f.busy || f.contains(d.activeElement)) return; // the save will meet the colleague's value
          f.dataset.v = a.v; setVal(f, a.value);
          state(f, 'saved', T.colleague.replace('{0}', a.who).replace('{1}', a.when));
          f.classList.remove('new'); void f.offsetWidth; f.classList.add('new');
        });
        var busy = Array.prototype.some.call(form.querySelectorAll('.f'), function (f) { return f.busy; });
        if (mark === savesAnswered && !busy) show(j);
        if (j.locked && !locked) lock(j.locked);
      }, function () { /* offline: the next look */ });
  }
  setInterval(look, 20000);
  setInterval(retry, 10000);
  window.addEventListener('online', function () { retry(); look(); });
  window.addEventListener('focus', look);
  d.addEventListener('visibilitychange', look);

  d.getElementById('review').addEventListener('click', function (e) {
    var left = Array.prototype.some.call(form.querySelectorAll('.f'), function (f) { return kept(f) || f.busy; });
    if (left && !locked) { e.preventDefault(); banner.textContent = T.unsaved; banner.hidden = false; retry(); }
  });

  // What was typed and not saved before the page was closed is put back and sent again.
  form.querySelectorAll('.f').forEach(function (f) {
    var k = kept(f);
    if (f.dataset.kind === 'area') grow(box(f));
    if (!k) return;
    if (locked) { forget(f); return; }
    if (k.value !== val(f)) setVal(f, k.value);
    f.dataset.v = k.v;
    state(f, 'pending');
    save(f);
  });
})();
