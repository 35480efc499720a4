// Training participant form (templates/activities/participant_form.html): picking a person from the childcare
// groups' staff preselects the category their role counts in, when the category is still empty. The server does the
// same in the form's clean(), so this is only a convenience (CSP: no inline script).
(function () {
  "use strict";
  var staff = document.getElementById("id_staff");
  var category = document.getElementById("id_category");
  if (!staff || !category || !staff.dataset.roleCategories) {
    return;
  }
  var byStaff = JSON.parse(staff.dataset.roleCategories);
  var filled = "";  // the category this script chose, replaced when another person is picked
  staff.addEventListener("change", function () {
    var wanted = byStaff[staff.value] || "";
    if (wanted && (category.value === "" || category.value === filled)) {
      category.value = wanted;
      filled = wanted;
    }
  });
})();
