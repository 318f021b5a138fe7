// 在线申请：在机关下拉框上方提供筛选框。没有脚本时下拉框照常可用。
(function () {
  var box = document.getElementById('agency-filter');
  var select = document.getElementById('AgencyId');
  if (!box || !select) { return; }
  box.closest('.agency-filter').hidden = false;
  box.addEventListener('input', function () {
    var words = box.value.trim();
    var first = null;
    Array.prototype.forEach.call(select.options, function (option) {
      var match = words === '' || option.text.indexOf(words) >= 0;
      option.hidden = !match;
      if (match && first === null) { first = option; }
    });
    if (first !== null && select.selectedOptions.length > 0 && select.selectedOptions[0].hidden) {
      first.selected = true;
    }
  });
}());
