// The language picker submits its form on change (no inline handler: the Content Security Policy forbids them).
document.addEventListener("change", function (event) {
  if (event.target.matches("select[data-submit-on-change]")) {
    event.target.form.submit();
  }
});
