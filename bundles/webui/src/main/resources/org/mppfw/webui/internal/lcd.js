// Info > Phone Screen: keeps the LCD up to date and sends the keypad's clicks, in order.
// The LCD comes from the phone as escaped HTML; nothing here builds markup from data.
(function () {
  'use strict';
  var form = document.getElementById('keypad');
  var lcd = document.getElementById('lcd');
  var state = document.getElementById('lcd-state');
  var login = document.getElementById('lcd-login');
  var period = parseInt(lcd.getAttribute('data-poll'), 10) || 500;
  var last = null;
  var ended = false;
  var timer = null;
  var presses = Promise.resolve();

  function show(html) {
    if (html !== last) {
      last = html;
      lcd.innerHTML = html;
    }
  }

  function say(text, error) {
    state.textContent = text;
    state.className = error ? 'error' : '';
  }

  // The session is over (logout, a changed password, idle time, the web bundle restarted).
  function end() {
    ended = true;
    clearTimeout(timer);
    say('The session ended: the screen is no longer updated. Log in again to use it.', true);
    login.hidden = false;
    var buttons = form.querySelectorAll('button');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].disabled = true;
    }
  }

  // What the phone answered: the LCD, or why not. A redirect is to the login page.
  function answer(r) {
    if (r.type === 'opaqueredirect' || r.status === 401) {
      end();
      return null;
    }
    if (!r.ok) {
      return r.text().then(function (t) { say(t || ('The phone answered ' + r.status), true); });
    }
    return r.text().then(function (html) { say('', false); show(html); });
  }

  function poll() {
    if (ended) {
      return;
    }
    if (document.hidden) {
      timer = setTimeout(poll, period);
      return;
    }
    fetch('/lcd/screen', { credentials: 'same-origin', redirect: 'manual', cache: 'no-store' })
      .then(answer, function () { say('The phone does not answer.', true); })
      .then(function () {
        if (!ended) {
          timer = setTimeout(poll, period);
        }
      });
  }

  function press(key) {
    var body = new URLSearchParams();
    body.set('csrf', form.elements.csrf.value);
    body.set('key', key);
    return fetch(form.getAttribute('action'), {
      method: 'POST', body: body, credentials: 'same-origin', redirect: 'manual', cache: 'no-store',
      headers: { 'X-Lcd-Fragment': '1' }
    }).then(answer, function () { say('The phone does not answer.', true); });
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var b = e.submitter;
    if (ended || !b || b.name !== 'key') {
      return;
    }
    var key = b.value;
    presses = presses.then(function () { return ended ? null : press(key); });
  });

  last = lcd.innerHTML;
  timer = setTimeout(poll, period);
}());
