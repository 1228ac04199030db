// Inline checks where they are cheap (progressive enhancement: without this script the service checks on saving).
// A German date is checked as the citizen leaves the field; the service stays the one that decides.
document.addEventListener('DOMContentLoaded', function () {
  var summary = document.getElementById('fehler-zusammenfassung');
  if (summary) {
    summary.focus();
    // A link to a field on this page puts the focus into the field itself, its label in view (GOV.UK's pattern):
    // a bare fragment would only scroll, leaving the keyboard where it was.
    summary.querySelectorAll('a[href^="#"]').forEach(function (link) {
      link.addEventListener('click', function (event) {
        var field = document.getElementById(link.getAttribute('href').slice(1));
        if (!field) { return; }
        event.preventDefault();
        var label = document.querySelector('label[for="' + field.id + '"]') || field;
        label.scrollIntoView();
        field.focus({ preventScroll: true });
      });
    });
  }
  document.querySelectorAll('input[data-format="datum"]').forEach(function (input) {
    input.addEventListener('blur', function () {
      var hint = document.getElementById(input.id + '-pruefung');
      var wrong = input.value.trim() !== '' && !/^\d{1,2}\.\d{1,2}\.\d{4}$/.test(input.value.trim());
      if (wrong && !hint) {
        hint = document.createElement('p');
        hint.id = input.id + '-pruefung';
        hint.className = 'feld-fehler';
        hint.setAttribute('role', 'status');
        hint.textContent = 'Bitte geben Sie das Datum als TT.MM.JJJJ an, z. B. 01.04.2019.';
        input.insertAdjacentElement('beforebegin', hint);
      } else if (!wrong && hint) {
        hint.remove();
      }
    });
  });
});

// Session timeout with a warning (WCAG 2.2.1): five minutes before an unused login ends, say so and offer to stay.
document.addEventListener('DOMContentLoaded', function () {
  var minutes = Number(document.body.dataset.sitzungMinuten || 0);
  if (minutes <= 5) { return; }
  var timer;
  function warn() {
    var box = document.createElement('div');
    box.className = 'sitzung';
    box.setAttribute('role', 'alert');
    var text = document.createElement('p');
    text.textContent = 'Ihre Anmeldung endet in 5 Minuten, wenn Sie nichts tun. Ungespeicherte Eingaben auf dieser Seite gehen dann verloren.';
    var stay = document.createElement('button');
    stay.type = 'button';
    stay.textContent = 'Angemeldet bleiben';
    stay.addEventListener('click', function () {
      var home = location.pathname.indexOf('/sachbearbeitung') === 0 ? '/sachbearbeitung/posteingang/zeilen' : '/antraege';
      fetch(home, { credentials: 'same-origin' }).then(function () { box.remove(); start(); });
    });
    box.append(text, stay);
    document.getElementById('inhalt').prepend(box);
    stay.focus();
  }
  function start() { clearTimeout(timer); timer = setTimeout(warn, (minutes - 5) * 60000); }
  start();
});
