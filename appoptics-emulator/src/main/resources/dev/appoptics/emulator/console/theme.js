// Runs before the page paints, so the page never flashes the other theme. The choice ("auto", "light" or
// "dark") is kept in localStorage (or for this page only when storage is off); "auto" follows the system.
(function () {
  var KEY = "appoptics.console.theme";
  var system = window.matchMedia("(prefers-color-scheme: dark)");
  var remembered = null;

  function chosen() {
    var value = remembered;
    try {
      value = localStorage.getItem(KEY) || remembered;
    } catch (e) {
      // storage is off: the choice made on this page applies
    }
    return value === "light" || value === "dark" ? value : "auto";
  }

  function apply() {
    var choice = chosen();
    var theme = choice === "auto" ? (system.matches ? "dark" : "light") : choice;
    document.documentElement.setAttribute("data-theme", theme);
    document.dispatchEvent(new CustomEvent("console-theme"));
  }

  window.consoleTheme = {
    chosen: chosen,
    choose: function (choice) {
      remembered = choice;
      try {
        localStorage.setItem(KEY, choice);
      } catch (e) {
        // storage is off: remembered for this page only
      }
      apply();
    },
  };
  system.addEventListener("change", apply);
  apply();
})();
