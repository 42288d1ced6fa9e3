// Mnemo's pages work without this file; with it: the chat form clears after sending and asks for updates at once,
// a line never shows twice, and the costs page draws its chart (uPlot, from the jar).
(function () {
  'use strict';
  document.addEventListener('htmx:beforeRequest', function (event) {
    if (event.detail.elt.id === 'chat-form') {
      // The message is stored before it is answered: show it while the reply is written.
      setTimeout(function () { htmx.trigger(document.body, 'chat-sent'); }, 150);
    }
  });
  document.addEventListener('htmx:afterRequest', function (event) {
    if (event.detail.elt.id !== 'chat-form') { return; }
    var error = document.getElementById('chat-error');
    var status = event.detail.xhr.status;
    error.hidden = event.detail.successful;
    error.textContent = status === 401
      ? 'Not sent: you were signed out. Your message is still in the box: copy it, sign in again (reload the page) and send it.'
      : status === 403
      ? 'Not sent: the page is out of date (a restart or a sign-out). Your message is still in the box: reload the page and send it again.'
      : 'Not sent (' + (status ? 'the server answered ' + status : 'no connection') + '). Your message is still in the box: try again.';
    // Only a message taken in (the server then triggers chat-sent) clears the box: a refused one stays to edit.
    var trigger = event.detail.xhr.getResponseHeader('HX-Trigger') || '';
    if (event.detail.successful && trigger.indexOf('chat-sent') >= 0) {
      event.detail.elt.reset();
      document.getElementById('text').focus();
    }
  });
  document.addEventListener('htmx:afterSettle', function () {
    var seen = {};
    document.querySelectorAll('#transcript > li[id]').forEach(function (li) {
      if (seen[li.id]) { li.remove(); } else { seen[li.id] = true; }
    });
    var transcript = document.getElementById('transcript');
    if (transcript) { window.scrollTo(0, document.body.scrollHeight); }
  });
  document.addEventListener('keydown', function (event) {
    // Enter sends, Shift+Enter is a new line (as in every chat).
    if (event.target.id === 'text' && event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      event.target.form.requestSubmit();
    }
  });

  function drawChart() {
    var holder = document.getElementById('spend-chart');
    var data = document.getElementById('spend-data');
    if (!holder || !data || typeof uPlot === 'undefined' || holder.dataset.drawn) { return; }
    holder.dataset.drawn = 'yes';
    var spend = JSON.parse(data.textContent);
    var styles = getComputedStyle(document.documentElement);
    var width = function () { return Math.min(holder.clientWidth || 600, 900); };
    var chart = new uPlot({
      width: width(), height: 220,
      scales: { x: { time: false } },
      legend: { show: false },
      axes: [{ label: 'day of ' + spend.month, stroke: styles.getPropertyValue('--fg') },
             { label: 'USD', stroke: styles.getPropertyValue('--fg'), size: 70,
               values: function (u, values) {
                 return values.map(function (v) { return '$' + v.toFixed(v !== 0 && v < 0.01 ? 5 : 2); });
               } }],
      series: [{}, { label: 'USD', stroke: styles.getPropertyValue('--accent'), width: 2, points: { show: false },
                     fill: 'rgba(11,92,173,0.15)', paths: uPlot.paths.bars({ size: [0.7] }) }]
    }, [spend.days, spend.usd], holder);
    // A phone turned sideways, a window made narrower: the chart follows the page's width.
    window.addEventListener('resize', function () { chart.setSize({ width: width(), height: 220 }); });
  }
  window.addEventListener('load', drawChart);
  document.addEventListener('htmx:afterSettle', drawChart);
})();
