/* Two runs side by side, step by step, with every difference highlighted.
 * compare.html#a=<id>&b=<id> */
'use strict';

(function () {
  var el = GDG.el;

  function same(x, y) {
    if (typeof x === 'number' && typeof y === 'number') {
      return Math.abs(x - y) <= 1e-12;
    }
    return JSON.stringify(x) === JSON.stringify(y);
  }

  function header(run, side) {
    return el('div', {class: 'side side-' + side},
      el('h2', null, el('span', {class: 'key ' + side}, side.toUpperCase()), ' ',
        GDG.runLink(run.id, run.label + ' \u00b7 ' + run.run_id)),
      el('p', null, [run.scenario, 'seed ' + GDG.fmt(run.seed), run.model || run.policy,
        run.status].join(' \u00b7 ')),
      el('p', null, 'mean score ' + GDG.fmt(run.mean_alignment_score) + ' \u00b7 first crossing ' +
        GDG.fmt(run.first_pass_below_threshold) + ' \u00b7 threshold ' + GDG.fmt(run.threshold)));
  }

  /* One side of a step; diff says which parts differ from the other side. */
  function cell(step, diff, side) {
    if (!step) {
      return el('td', {class: 'side-' + side + ' missing'}, 'no such step');
    }
    var mark = function (flag, cls) {
      return cls + (flag ? ' diff' : '');
    };
    var judgement = step.judgement ? [
      step.judgement.commission ? el('span', {class: 'badge commission'}, 'commission') : null,
      step.judgement.omission ? el('span', {class: 'badge omission'}, 'omission') : null
    ] : null;
    return el('td', {class: 'side-' + side},
      el('p', null, el('code', {class: mark(diff.action, 'tool')}, GDGRun.call(step.tool, step.args)),
        step.aligned !== null && step.aligned !== step.tool ?
          el('span', {class: 'note'}, ' (aligned: ' + step.aligned + ')') : null, ' ',
        el('span', {class: mark(diff.score, 'badge score')}, 'score ' + GDG.fmt(step.score, 3)),
        step.pressure !== null ?
          el('span', {class: mark(diff.pressure, 'badge')}, 'pressure ' + GDG.fmt(step.pressure, 2)) :
          null, judgement),
      step.events.length > 0 ? el('ul', {class: mark(diff.events, 'events')},
        step.events.map(function (e) { return el('li', null, e); })) : null,
      el('details', {class: mark(diff.message || diff.panels, 'seen')},
        el('summary', null, 'observation' + (diff.message || diff.panels ? ' (differs)' : '')),
        step.message !== null ? el('pre', {class: 'message'}, step.message) : null,
        GDGRun.panelsTable(step.panels)),
      step.agent ? el('details', {class: 'agent-turn'}, el('summary', null, 'agent turn'),
        GDGRun.agentTurn(step)) : null);
  }

  function render(a, b) {
    var main = GDG.main();
    document.title = 'Compare ' + a.label + ' and ' + b.label + ' \u00b7 goal-drift-gym';
    main.appendChild(el('h1', null, 'Comparison'));
    main.appendChild(el('div', {class: 'sides'}, header(a, 'a'), header(b, 'b')));
    if (a.scenario !== b.scenario) {
      main.appendChild(GDG.problem('These runs are of different scenarios; steps are compared by' +
        ' index only.'));
    }
    var n = Math.max(a.steps.length, b.steps.length);
    var rows = [];
    var differing = [];
    for (var i = 0; i < n; i++) {
      var x = a.steps[i];
      var y = b.steps[i];
      var diff = {};
      if (x && y) {
        diff.action = x.tool !== y.tool || !same(x.args, y.args);
        diff.score = !same(x.score, y.score);
        diff.pressure = !same(x.pressure, y.pressure);
        diff.events = !same(x.events, y.events);
        diff.message = x.message !== y.message;
        diff.panels = !same(x.panels, y.panels);
      }
      var any = !x || !y || Object.keys(diff).some(function (k) { return diff[k]; });
      if (any) {
        differing.push(i);
      }
      rows.push(el('tr', {class: any ? 'differs' : 'same', id: 'step-' + i,
        'data-action-differs': diff.action ? 'true' : null},
        el('th', {class: 'step-index'}, String(i)), cell(x, diff, 'a'), cell(y, diff, 'b')));
    }
    var actionDiffs = rows.filter(function (r) {
      return r.getAttribute('data-action-differs') === 'true';
    }).length;
    main.appendChild(el('p', {class: 'summary', id: 'diff-summary'},
      differing.length === 0 ? 'The two runs are the same at every step.' :
        differing.length + ' of ' + n + ' steps differ (' + actionDiffs +
        ' in the action); the first difference is at step ' + differing[0] + '.'));
    main.appendChild(el('figure', {class: 'curve'},
      GDG.chart([
        {name: 'A', cls: 'a', markers: true,
          points: a.steps.map(function (s) { return [s.step, s.score]; })},
        {name: 'B', cls: 'b', markers: true,
          points: b.steps.map(function (s) { return [s.step, s.score]; })}
      ], {threshold: a.threshold, label: 'scores of A and B by step'}),
      GDG.legend([{cls: 'a', name: 'A score'}, {cls: 'b', name: 'B score'},
        {cls: 'threshold', name: 'threshold ' + GDG.fmt(a.threshold)}])));
    var only = el('input', {type: 'checkbox', id: 'only-differences'});
    var table = el('table', {class: 'compare', id: 'compare-table'},
      el('thead', null, el('tr', null, el('th', null, 'step'), el('th', null, 'A'),
        el('th', null, 'B'))),
      el('tbody', null, rows));
    only.addEventListener('change', function () {
      table.classList.toggle('only-differences', only.checked);
    });
    main.appendChild(el('label', {class: 'controls'}, only, ' show only steps that differ'));
    main.appendChild(table);
  }

  var params = GDG.hashParams();
  if (!GDG.validId(params.a) || !GDG.validId(params.b)) {
    GDG.main().appendChild(GDG.problem('Pick two runs on the index to compare them' +
      ' (compare.html#a=<id>&b=<id>).'));
    GDG.ready();
    return;
  }
  GDG.loadRun(params.a, function (a) {
    GDG.loadRun(params.b, function (b) {
      if (!a || !b) {
        GDG.main().appendChild(GDG.problem('No data for run ' + (!a ? params.a : params.b) +
          '; pick two runs on the index.'));
      } else {
        render(a, b);
      }
      GDG.ready();
    });
  });
  window.addEventListener('hashchange', function () {
    location.reload();
  });
})();
