// Shows the progress of a large upload (the form still works without JavaScript): the form is sent with
// XMLHttpRequest, the bar follows the bytes sent, then the page the server answers with replaces this one.
(function () {
  var form = document.getElementById('upload-form');
  if (!form || !window.XMLHttpRequest || !window.FormData) { return; }
  var bar = document.getElementById('upload-progress');
  var status = document.getElementById('upload-status');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var request = new XMLHttpRequest();
    request.open('POST', form.action || window.location.href);
    bar.hidden = false;
    request.upload.onprogress = function (e) {
      if (e.lengthComputable) {
        bar.value = Math.round(e.loaded * 100 / e.total);
        status.textContent = '已上传 ' + bar.value + '%';
      }
    };
    request.upload.onload = function () { status.textContent = '上传完成，正在读取和检查报告……'; };
    request.onload = function () {
      if (request.responseURL && request.responseURL !== window.location.href && request.status < 400) {
        window.location.href = request.responseURL;
        return;
      }
      document.open(); document.write(request.responseText); document.close();
    };
    request.onerror = function () { status.textContent = '上传失败：网络中断，请重试。'; };
    request.send(new FormData(form));
  });
})();
