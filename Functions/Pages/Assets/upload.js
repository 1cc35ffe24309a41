// The upload page's script (served from /assets, so the page's CSP needs no inline script): runs the upload protocol for each chosen file, one after another: begin (get a SAS), PUT with progress, complete.
(function () {
  'use strict';
  var api = document.body.getAttribute('data-api');
  var forms = document.querySelectorAll('form.upload');
  Array.prototype.forEach.call(forms, function (form) {
    form.hidden = false;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      // While its files upload the button says so (aria-disabled) and a second press does nothing. Not the disabled
      // attribute: a disabled button loses the focus, and a keyboard user would be sent back to the top of the page.
      if (form.querySelector('button').getAttribute('aria-disabled') !== 'true') uploadAll(form);
    });
  });

  function uploadAll(form) {
    var key = form.getAttribute('data-key');
    var input = form.querySelector('input[type=file]');
    var button = form.querySelector('button');
    var message = document.getElementById('message-' + key);
    var list = form.querySelector('.progress-list');
    var files = Array.prototype.slice.call(input.files);
    if (files.length === 0) { say(message, 'Choose at least one file first.', true); input.focus(); return; }
    button.setAttribute('aria-disabled', 'true');
    say(message, 'Uploading ' + plural(files.length, 'file') + '…', false);
    var uploaded = 0, failures = [];
    files.reduce(function (previous, file) {
      return previous.then(function () {
        return uploadOne(key, file, list).then(
          function (item) { uploaded++; showItem(item); },
          function (error) { failures.push(file.name + ': ' + error); });
      });
    }, Promise.resolve()).then(function () {
      button.removeAttribute('aria-disabled');
      input.value = '';
      if (failures.length === 0) say(message, plural(uploaded, 'file') + ' uploaded. Thank you.', false);
      else say(message, (uploaded > 0 ? plural(uploaded, 'file') + ' uploaded; ' : '') + 'not uploaded: ' + failures.join('; '), true);
    });
  }

  function uploadOne(key, file, list) {
    var row = document.createElement('li');
    var label = document.createElement('span');
    var progress = document.createElement('progress');
    label.textContent = file.name + ' – starting';
    progress.max = Math.max(file.size, 1);
    progress.value = 0;
    progress.setAttribute('aria-label', 'Upload progress for ' + file.name);
    row.appendChild(label);
    row.appendChild(progress);
    list.appendChild(row);
    var base = api + '/' + encodeURIComponent(key);
    return postJson(base, { fileName: file.name, size: file.size, contentType: file.type })
      .then(function (grant) {
        label.textContent = file.name + ' – uploading';
        return put(grant, file, progress).then(function () { return grant; });
      })
      .then(function (grant) { return postJson(base + '/complete', { blobName: grant.blobName }); })
      .then(function (item) {
        progress.value = progress.max;
        label.textContent = file.name + ' – uploaded';
        return item;
      }, function (error) {
        label.textContent = file.name + ' – not uploaded: ' + error;
        throw error;
      });
  }

  function postJson(url, body) {
    return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) {
          if (!response.ok) throw problemText(json, response.status);
          return json;
        });
      }, function () { throw 'the connection failed; please try again'; });
  }

  function problemText(problem, status) {
    if (problem && problem.errors) {
      return Object.keys(problem.errors).map(function (field) { return field + ' ' + problem.errors[field].join(' '); }).join(' ');
    }
    return (problem && (problem.detail || problem.title)) || ('the server answered ' + status);
  }

  function put(grant, file, progress) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open('PUT', grant.uploadUrl);
      xhr.setRequestHeader('x-ms-blob-type', 'BlockBlob');
      xhr.setRequestHeader('Content-Type', grant.contentType);
      xhr.upload.onprogress = function (event) { if (event.lengthComputable) { progress.max = event.total; progress.value = event.loaded; } };
      xhr.onload = function () { if (xhr.status >= 200 && xhr.status < 300) resolve(); else reject('storage refused the file (HTTP ' + xhr.status + ')'); };
      xhr.onerror = function () { reject('the connection to storage failed; please try again'); };
      xhr.send(file);
    });
  }

  function showItem(item) {
    var status = document.getElementById('status-' + item.key);
    status.textContent = item.status === 'received' ? 'Received' : 'Missing';
    status.className = 'govuk-tag status ' + item.status + (item.status === 'received' ? ' govuk-tag--green' : ' govuk-tag--red');
    var files = document.getElementById('files-' + item.key);
    while (files.firstChild) files.removeChild(files.firstChild);
    item.files.forEach(function (file) {
      var li = document.createElement('li');
      var name = document.createElement('span');
      var meta = document.createElement('span');
      name.className = 'name';
      name.textContent = file.name;
      meta.className = 'meta govuk-hint';
      meta.textContent = size(file.size) + ', received ' + new Date(file.receivedAt).toLocaleString('en-GB',
        { timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
      li.appendChild(name);
      li.appendChild(document.createTextNode(' '));
      li.appendChild(meta);
      files.appendChild(li);
    });
    var statuses = document.querySelectorAll('.items .status');
    var received = document.querySelectorAll('.items .status.received').length;
    document.getElementById('summary').textContent = received === statuses.length
      ? 'All ' + statuses.length + ' documents have been received. Thank you.'
      : received + ' of ' + statuses.length + ' documents received.';
  }

  function size(bytes) {
    if (bytes < 1024) return bytes === 1 ? '1 byte' : bytes + ' bytes';
    var units = ['KB', 'MB', 'GB', 'TB'], value = bytes / 1024, unit = 0;
    while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
    return (value < 10 ? Math.round(value * 10) / 10 : Math.round(value)) + ' ' + units[unit];
  }

  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

  function say(element, text, isError) {
    element.textContent = text;
    element.className = 'message govuk-body' + (isError ? ' govuk-error-message error' : '');
  }
})();
