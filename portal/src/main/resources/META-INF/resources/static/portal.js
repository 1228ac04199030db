// Inline checks where they are cheap (progressive enhancement: without this script the service checks on saving).
// A German date is checked as the citizen leaves the field; the service stays the one that decides.
document.addEventListener('DOMContentLoaded', function () {
  var summary = document.getElementById('fehler-zusammenfassung');
  if (summary) { summary.focus(); }
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
