// The upload page's only style sheet and script, inlined into the page and allowed by their hashes in
// its Content-Security-Policy: the page loads nothing from anywhere, not even from this server.

export const PAGE_STYLE = `
:root { color-scheme: light; --text: #0b0c0c; --muted: #505a5f; --line: #b1b4b6; --link: #1d70b8; --focus: #ffdd00;
  --error: #d4351c; --pass: #00703c; --brand: #0b0c0c; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 19px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--text); background: #fff; }
a { color: var(--link); }
a:focus, button:focus, input:focus, select:focus { outline: 3px solid var(--focus); outline-offset: 0; box-shadow: inset 0 0 0 2px var(--text); }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--focus); color: var(--text); padding: 0.5rem; z-index: 2; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.bar { background: var(--brand); color: #fff; border-bottom: 10px solid var(--link); }
.wrap { max-width: 60rem; margin: 0 auto; padding: 0 1.25rem; }
.bar .wrap { padding-top: 0.6rem; padding-bottom: 0.6rem; }
.service { margin: 0; font-weight: 700; font-size: 1.2rem; }
main.wrap { padding-top: 1.5rem; padding-bottom: 2.5rem; }
h1 { font-size: 2rem; line-height: 1.15; margin: 0 0 1rem; }
h2 { font-size: 1.4rem; margin: 0 0 0.75rem; }
.lead { font-size: 1.15rem; margin-top: 0; }
.field { margin: 0 0 1.75rem; }
.field.invalid { border-left: 5px solid var(--error); padding-left: 0.9rem; }
label, .label { display: block; font-weight: 700; margin-bottom: 0.25rem; }
.hint { color: var(--muted); margin: 0 0 0.5rem; }
.field-error { color: var(--error); font-weight: 700; margin: 0 0 0.5rem; }
input[type=search], select { font: inherit; width: 100%; max-width: 36rem; padding: 0.3rem; border: 2px solid var(--text); border-radius: 0; background: #fff; }
select { margin-top: 0.5rem; }
.drop { border: 2px dashed var(--muted); padding: 1rem; max-width: 36rem; }
.drop.over { border-color: var(--link); background: #e8f1f8; }
.drop input { font: inherit; max-width: 100%; }
.drop p { margin: 0.5rem 0 0; color: var(--muted); }
.chosen { margin: 0.5rem 0 0; overflow-wrap: anywhere; }
.button { font: inherit; font-weight: 600; color: #fff; background: var(--pass); border: 0; border-bottom: 2px solid #002d18; padding: 0.5rem 1rem; cursor: pointer; }
.button:hover { background: #005a30; }
.button:disabled { opacity: 0.5; cursor: default; }
.error-summary { border: 5px solid var(--error); padding: 1rem; margin: 0 0 1.75rem; }
.error-summary h2 { margin-top: 0; }
.error-summary p { margin: 0; overflow-wrap: anywhere; }
.panel { border-left: 5px solid var(--link); padding: 0.5rem 1rem; margin: 0 0 1.75rem; background: #f3f2f1; }
progress { width: 100%; max-width: 36rem; height: 1.25rem; }
.privacy { border-top: 1px solid var(--line); padding-top: 1rem; color: var(--muted); font-size: 1rem; }
footer { border-top: 1px solid var(--line); color: var(--muted); font-size: 0.9rem; padding: 1rem 0 2rem; }
footer p { margin: 0; }
@media (max-width: 40rem) {
  body { font-size: 17px; }
  h1 { font-size: 1.5rem; }
  .wrap { padding: 0 0.75rem; }
  .button { width: 100%; }
}
`;

/**
 * The page's behaviour: choose or drop a file, narrow the list of standards, send the file to this server
 * (showing how much has gone), follow the check until it is done, then open the report. Errors are shown
 * in a summary that takes the focus, as GOV.UK forms do.
 */
export const PAGE_SCRIPT = `
(function () {
  'use strict';
  var form = document.getElementById('check-form');
  var token = form.getAttribute('data-token');
  var maxBytes = Number(form.getAttribute('data-max-bytes'));
  var maxText = form.getAttribute('data-max-text');
  var fileInput = document.getElementById('file');
  var fileField = document.getElementById('file-field');
  var fileError = document.getElementById('file-error');
  var drop = document.getElementById('drop');
  var chosen = document.getElementById('chosen');
  var filter = document.getElementById('standard-filter');
  var select = document.getElementById('standard');
  var filterStatus = document.getElementById('filter-status');
  var submit = document.getElementById('submit');
  var summary = document.getElementById('error-summary');
  var summaryText = document.getElementById('error-text');
  var panel = document.getElementById('progress-panel');
  var heading = document.getElementById('progress-heading');
  var bar = document.getElementById('progress');
  var progressText = document.getElementById('progress-text');
  var live = document.getElementById('progress-live');
  var options = Array.prototype.slice.call(select.options);
  var lastSpoken = 0;

  form.hidden = false;
  document.getElementById('needs-script').hidden = true;

  function number(n) { return String(n).replace(/\\B(?=(\\d{3})+(?!\\d))/g, ','); }
  function size(bytes) {
    var units = [['GB', 1073741824], ['MB', 1048576], ['KB', 1024]];
    for (var i = 0; i < units.length; i++) if (bytes >= units[i][1]) return Math.round(bytes / units[i][1] * 10) / 10 + ' ' + units[i][0];
    return bytes + ' bytes';
  }

  function showChosen() {
    var file = fileInput.files && fileInput.files[0];
    chosen.textContent = file ? 'Chosen: ' + file.name + ' (' + size(file.size) + ')' : '';
    if (file) clearError();
  }
  fileInput.addEventListener('change', showChosen);

  // A file dropped anywhere on the page is taken, rather than opened by the browser in place of the page.
  function isFileDrag(event) { return event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, 'Files') >= 0; }
  document.addEventListener('dragover', function (event) {
    if (!isFileDrag(event)) return;
    event.preventDefault();
    drop.classList.add('over');
  });
  document.addEventListener('dragleave', function (event) { if (event.target === drop || !event.relatedTarget) drop.classList.remove('over'); });
  document.addEventListener('drop', function (event) {
    if (!isFileDrag(event)) return;
    event.preventDefault();
    drop.classList.remove('over');
    if (event.dataTransfer.files.length) {
      fileInput.files = event.dataTransfer.files;
      showChosen();
      fileInput.focus();
    }
  });

  filter.addEventListener('input', function () {
    var words = filter.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0;
    options.forEach(function (option, index) {
      var text = (option.textContent + ' ' + option.value).toLowerCase();
      var match = index === 0 || words.every(function (w) { return text.indexOf(w) >= 0; });
      option.hidden = !match;
      option.disabled = !match;
      if (match && index > 0) shown++;
    });
    if (select.selectedOptions[0] && select.selectedOptions[0].hidden) select.value = 'auto';
    if (words.length && shown === 1) select.value = options.filter(function (o, i) { return i > 0 && !o.hidden; })[0].value;
    filterStatus.textContent = words.length ? (shown === 1 ? '1 standard matches' : number(shown) + ' standards match') + (shown === 1 ? ', and it is chosen.' : '.') : '';
  });

  function clearError() {
    summary.hidden = true;
    fileError.hidden = true;
    fileField.classList.remove('invalid');
  }
  function showError(message, onFile) {
    summaryText.textContent = message;
    summary.hidden = false;
    if (onFile) {
      fileError.textContent = message;
      fileError.hidden = false;
      fileField.classList.add('invalid');
    }
    panel.hidden = true;
    submit.disabled = false;
    summary.focus();
  }
  function say(text, force) {
    progressText.textContent = text;
    var now = Date.now();
    // The screen reader hears each stage, and how far along it is every few seconds, not every update.
    if (force || now - lastSpoken > 5000) {
      live.textContent = text;
      lastSpoken = now;
    }
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearError();
    var file = fileInput.files && fileInput.files[0];
    if (!file) return showError('Choose a data file to check', true);
    if (file.size > maxBytes) return showError('The file is ' + size(file.size) + ': this server takes files up to ' + maxText + ' (start it with --max-size to allow more)', true);
    submit.disabled = true;
    panel.hidden = false;
    heading.textContent = 'Checking ' + file.name;
    heading.focus();
    bar.value = 0;
    say('Passing the file to conform on this computer', true);

    var request = new XMLHttpRequest();
    request.open('POST', '/checks?standard=' + encodeURIComponent(select.value));
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.setRequestHeader('X-Conform-Token', token);
    request.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    request.upload.addEventListener('progress', function (e) {
      if (!e.lengthComputable) return;
      var percent = Math.floor(e.loaded / e.total * 100);
      bar.value = percent / 2;
      say('Passing the file to conform on this computer: ' + percent + '%');
    });
    request.addEventListener('load', function () {
      var answer = {};
      try { answer = JSON.parse(request.responseText); } catch (e) { answer = {}; }
      if (request.status !== 202 || !answer.id) return showError(answer.message || 'The file could not be checked (the server answered ' + request.status + ')', request.status === 413);
      say('Checking the file', true);
      follow(answer.id);
    });
    request.addEventListener('error', function () { showError('The file could not be sent to conform: is conform serve still running?', false); });
    request.send(file);
  });

  function follow(id) {
    var request = new XMLHttpRequest();
    request.open('GET', '/checks/' + id + '/status');
    request.setRequestHeader('X-Conform-Token', token);
    request.addEventListener('load', function () {
      var status = {};
      try { status = JSON.parse(request.responseText); } catch (e) { status = {}; }
      if (request.status !== 200) return showError(status.message || 'The check was lost (the server answered ' + request.status + ')', false);
      if (status.state === 'failed') return showError(status.message, false);
      if (status.state === 'done') {
        bar.value = 100;
        say('Done: opening the report', true);
        window.location.assign('/checks/' + id + '/');
        return;
      }
      if (status.state === 'repairing') {
        bar.value = 95;
        say('Making a repaired copy of the file', status.state !== follow.last);
      } else {
        var through = status.size ? Math.min(1, status.bytes / status.size) : 0;
        bar.value = 50 + Math.floor(through * 45);
        say('Checking: ' + number(status.rows) + ' rows read (' + Math.floor(through * 100) + '%)', status.state !== follow.last);
      }
      follow.last = status.state;
      setTimeout(function () { follow(id); }, 250);
    });
    request.addEventListener('error', function () { showError('conform serve stopped before the check was done', false); });
    request.send();
  }
})();
`;
