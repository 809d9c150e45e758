/* One run: header, score curve, and the step timeline (what was seen, done and scored, and for
 * an agent its turn). run.html#id=<id> */
'use strict';

var GDGRun = (function () {
  var el = GDG.el;

  function panelsTable(panels) {
    if (!panels || Object.keys(panels).length === 0) {
      return null;
    }
    return el('table', {class: 'panels'}, el('tbody', null, Object.keys(panels).map(function (k) {
      var v = panels[k];
      return el('tr', null, el('th', null, k),
        el('td', {class: typeof v === 'number' ? 'num' : null},
          v === null ? 'n/a' : typeof v === 'number' ? String(v) : GDG.json(v)));
    })));
  }

  function call(tool, args) {
    var text = tool;
    if (args && Object.keys(args).length > 0) {
      text += ' ' + JSON.stringify(args);
    }
    return text;
  }

  function usageText(usage) {
    if (!usage) {
      return null;
    }
    var parts = [];
    ['prompt_tokens', 'completion_tokens', 'reasoning_tokens', 'cached_tokens', 'total_tokens']
      .forEach(function (k) {
        if (typeof usage[k] === 'number') {
          parts.push(k.replace('_tokens', '') + ' ' + usage[k]);
        }
      });
    parts.push('cost ' + (typeof usage.cost === 'number' ? usage.cost.toFixed(6) : '\u2013'));
    return 'tokens: ' + parts.join(', ');
  }

  /* The agent's turn: reasoning, reply, tool calls and what the scenario answered. */
  function agentTurn(step) {
    var a = step.agent;
    var box = el('div', {class: 'agent'});
    box.appendChild(el('h4', null, 'Agent turn',
      el('span', {class: 'note'}, ' ' + [a.model, a.interpretation].filter(Boolean).join(' \u00b7 '))));
    if (a.prompt) {
      box.appendChild(el('details', {class: 'prompt'}, el('summary', null, 'prompt'),
        el('pre', null, a.prompt)));
    }
    if (a.reasoning) {
      box.appendChild(el('details', {class: 'reasoning', open: true},
        el('summary', null, 'reasoning'), el('pre', null, a.reasoning)));
    }
    if (a.content) {
      box.appendChild(el('div', {class: 'reply'}, el('span', {class: 'tag'}, 'reply'),
        el('pre', null, a.content)));
    }
    (a.tool_calls || []).forEach(function (c, i) {
      box.appendChild(el('div', {class: 'tool-call'},
        el('span', {class: 'tag'}, i === 0 ? 'tool call' : 'extra tool call (ignored)'),
        el('code', null, (c.name || '?') + ' ' + (c.arguments === undefined ? '' :
          typeof c.arguments === 'string' ? c.arguments : JSON.stringify(c.arguments)))));
    });
    if (a.interpretation_note) {
      box.appendChild(el('p', {class: 'note'}, a.interpretation_note));
    }
    var result = ['applied ' + step.applied + (step.invalid ? ' (invalid: ' + step.invalid + ')' :
      step.forced ? ' (forced by the scenario)' : '')].concat(step.events);
    box.appendChild(el('div', {class: 'tool-result'}, el('span', {class: 'tag'}, 'tool result'),
      el('ul', null, result.map(function (line) { return el('li', null, line); }))));
    var usage = usageText(a.usage);
    if (usage) {
      box.appendChild(el('p', {class: 'usage'}, usage));
    }
    return box;
  }

  function badges(step, threshold) {
    var list = [el('span', {class: 'badge score' + (step.score < threshold ? ' low' : '')},
      'score ' + GDG.fmt(step.score, 3))];
    if (step.pressure !== null) {
      list.push(el('span', {class: 'badge'}, 'pressure ' + GDG.fmt(step.pressure, 2)));
    }
    if (step.judgement) {
      if (step.judgement.commission) {
        list.push(el('span', {class: 'badge commission'}, 'commission'));
      }
      if (step.judgement.omission) {
        list.push(el('span', {class: 'badge omission'}, 'omission'));
      }
      if (!step.judgement.commission && !step.judgement.omission) {
        list.push(el('span', {class: 'badge judged'}, 'no drift judged'));
      }
    }
    if (step.invalid) {
      list.push(el('span', {class: 'badge invalid'}, 'invalid'));
    }
    if (step.forced) {
      list.push(el('span', {class: 'badge'}, 'forced'));
    }
    if (step.done) {
      list.push(el('span', {class: 'badge'}, 'done'));
    }
    return list;
  }

  function stepCard(step, threshold) {
    var mismatch = step.aligned !== null && step.aligned !== step.tool;
    var action = el('div', {class: 'action'},
      el('p', null, el('span', {class: 'tag'}, 'action'),
        el('code', {class: 'tool' + (mismatch ? ' mismatch' : '')}, call(step.tool, step.args))),
      step.args_problem ? el('p', {class: 'note'}, step.args_problem) : null,
      el('p', null, el('span', {class: 'tag'}, 'aligned'),
        el('code', {class: 'aligned'}, step.aligned === null ? 'not recorded' :
          call(step.aligned, step.aligned_args))),
      step.applied !== step.tool ?
        el('p', null, el('span', {class: 'tag'}, 'applied'), el('code', null, step.applied)) : null,
      step.invalid ? el('p', {class: 'note'}, 'invalid: ' + step.invalid) : null,
      step.events.length > 0 ? el('ul', {class: 'events'}, step.events.map(function (e) {
        return el('li', null, e);
      })) : null);
    var seen = el('div', {class: 'seen'},
      step.message !== null ? el('pre', {class: 'message'}, step.message) : null,
      panelsTable(step.panels));
    return el('section', {class: 'step' + (mismatch ? ' drifted' : ''), id: 'step-' + step.step},
      el('h3', null, 'Step ' + step.step, ' ', badges(step, threshold)),
      el('div', {class: 'step-body'}, seen, action),
      step.agent ? agentTurn(step) : null);
  }

  function facts(run) {
    var m = run.metrics || {};
    var rows = [
      ['scenario', run.scenario], ['label', run.label], ['policy', run.policy],
      ['model', run.model], ['seed', run.seed], ['status', run.status], ['error', run.error],
      ['created', run.created_at], ['threshold', run.threshold],
      ['steps', (run.steps.length) + ' of ' + run.max_steps],
      ['mean score', GDG.fmt(run.mean_alignment_score)],
      ['first crossing', run.first_pass_below_threshold],
      ['agreement', m.optimal_action_agreement], ['gd_commission', m.gd_commission],
      ['gd_omission', m.gd_omission], ['directory', run.path]
    ];
    if (m.agent_usage) {
      rows.push(['tokens', m.agent_usage.total_tokens], ['cost', m.agent_usage.cost]);
    }
    if (run.metrics_recomputed) {
      rows.push(['metrics', 'recomputed from the step log (no metrics.json)']);
    }
    return el('dl', {class: 'facts'}, rows.filter(function (r) {
      return r[1] !== undefined && !(r[1] === null && ['error', 'model', 'gd_commission',
        'gd_omission'].indexOf(r[0]) >= 0);
    }).map(function (r) {
      return el('div', null, el('dt', null, r[0]), el('dd', null, GDG.fmt(r[1])));
    }));
  }

  function curve(run, onPoint) {
    var series = [{
      name: 'score',
      points: run.steps.map(function (s) { return [s.step, s.score]; }),
      cls: 'a', markers: true, onPoint: onPoint
    }];
    if (run.steps.some(function (s) { return s.pressure !== null; })) {
      series.push({name: 'pressure', cls: 'pressure', dashed: true,
        points: run.steps.map(function (s) { return [s.step, s.pressure]; })});
    }
    return el('figure', {class: 'curve'}, GDG.chart(series, {threshold: run.threshold}),
      GDG.legend([{cls: 'a', name: 'score'}, {cls: 'pressure', name: 'pressure'},
        {cls: 'threshold', name: 'threshold ' + GDG.fmt(run.threshold)}]));
  }

  function render(run) {
    var main = GDG.main();
    document.title = run.label + ' ' + run.run_id + ' \u00b7 goal-drift-gym';
    main.appendChild(el('h1', null, run.scenario + ' \u00b7 ' + run.label + ' \u00b7 ' + run.run_id));
    main.appendChild(facts(run));
    if (run.peers.length > 0) {
      main.appendChild(el('p', {class: 'peers'}, 'Compare with the same scenario and seed: ',
        run.peers.map(function (p) {
          return el('a', {href: GDG.compareHref(run.id, p.id), class: 'peer'},
            p.label + (p.model ? ' (' + p.model + ')' : '') + ' ' + p.run_id);
        })));
    }
    main.appendChild(curve(run, function (step) {
      var card = document.getElementById('step-' + step);
      if (card) {
        card.scrollIntoView();
      }
    }));
    main.appendChild(el('details', {class: 'params'}, el('summary', null, 'scenario parameters'),
      el('table', {class: 'panels'}, el('tbody', null, Object.keys(run.params).map(function (k) {
        return el('tr', null, el('th', null, k), el('td', null, GDG.json(run.params[k])));
      })))));
    main.appendChild(el('h2', null, 'Steps ', el('span', {class: 'note'},
      '(' + run.steps.length + '; a highlighted action differs from the aligned one)')));
    var list = el('div', {class: 'timeline', id: 'steps'});
    run.steps.forEach(function (step) {
      list.appendChild(stepCard(step, run.threshold));
    });
    main.appendChild(list);
  }

  function start() {
    var id = GDG.hashParams().id;
    if (!GDG.validId(id)) {
      GDG.main().appendChild(GDG.problem('No run chosen: open a run from the index (run.html#id=…).'));
      GDG.ready();
      return;
    }
    GDG.loadRun(id, function (run) {
      if (!run) {
        GDG.main().appendChild(GDG.problem('No data for run ' + id + ' (data/runs/' + id +
          '.js is missing); open a run from the index.'));
      } else {
        render(run);
      }
      GDG.ready();
    });
  }

  return {start: start, call: call, panelsTable: panelsTable, agentTurn: agentTurn};
})();

if (document.body.classList.contains('page-run')) {
  GDGRun.start();
  window.addEventListener('hashchange', function () {
    location.reload();
  });
}
