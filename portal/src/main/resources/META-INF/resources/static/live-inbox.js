// The live inbox (progressive enhancement): the portal relays case-service's events of the clerk's authority;
// on each one the table's rows are fetched again as server-rendered HTML. EventSource reconnects by itself and
// sends Last-Event-ID, so a dropped connection resumes where it stopped.
document.addEventListener('DOMContentLoaded', function () {
  var table = document.getElementById('posteingang');
  if (!table || !window.EventSource) { return; }
  var body = document.getElementById('vorgaenge');
  var hint = document.getElementById('live-hinweis');
  var words = { CaseOpened: 'Neuer Vorgang eingegangen', RegistryCheckCompleted: 'Registerabgleich abgeschlossen',
    CaseStatusChanged: 'Stand eines Vorgangs geändert', InformationRequested: 'Nachforderung versandt', DecisionIssued: 'Entscheidung getroffen' };
  var known = new Set(Array.from(body.querySelectorAll('tr')).map(function (row) { return row.dataset.vorgang; }));
  function refresh(type) {
    fetch(table.dataset.zeilen, { credentials: 'same-origin' }).then(function (answer) {
      if (!answer.ok) { return; }
      return answer.text().then(function (html) {
        var parsed = new DOMParser().parseFromString('<table><tbody>' + html + '</tbody></table>', 'text/html');
        var rows = parsed.querySelectorAll('tr');
        body.replaceChildren.apply(body, Array.from(rows).map(function (row) { return document.importNode(row, true); }));
        body.querySelectorAll('tr').forEach(function (row) {
          if (!known.has(row.dataset.vorgang)) { row.classList.add('neu'); known.add(row.dataset.vorgang); }
        });
        hint.textContent = (words[type] || 'Aktualisiert') + ' – ' + new Date().toLocaleTimeString('de-DE');
      });
    });
  }
  var source = new EventSource(table.dataset.live);
  Object.keys(words).forEach(function (type) { source.addEventListener(type, function () { refresh(type); }); });
  source.addEventListener('open', function () { table.dataset.verbunden = 'ja'; });
});
