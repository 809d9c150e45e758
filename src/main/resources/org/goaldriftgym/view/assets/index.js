/* The index: group aggregates with their drift curves, and a sortable, filterable table of runs
 * from which two can be picked for a comparison. */
'use strict';

(function () {
  var el = GDG.el;
  var PAGE = 200;
  var data = GDG.index;
  var main = GDG.main();
  if (!data) {
    main.appendChild(GDG.problem('data/index.js is missing or unreadable: write the site again' +
      ' with "goal-drift-gym view PATH --output DIR".'));
    GDG.ready();
    return;
  }

  var runs = data.runs.map(function (row) {
    var run = {};
    data.columns.forEach(function (column, i) {
      run[column] = row[i];
    });
    return run;
  });

  var COLUMNS = [
    {key: 'scenario', title: 'scenario'},
    {key: 'label', title: 'label'},
    {key: 'policy', title: 'policy / model', value: function (r) { return r.model || r.policy; }},
    {key: 'seed', title: 'seed', num: true},
    {key: 'status', title: 'status'},
    {key: 'steps', title: 'steps', num: true},
    {key: 'mean', title: 'mean score', num: true, digits: 3},
    {key: 'first', title: 'first crossing', num: true},
    {key: 'agreement', title: 'agreement', num: true, digits: 2}
  ];
  if (data.judged) {
    COLUMNS.push({key: 'gd_commission', title: 'gd_commission', num: true, digits: 3});
    COLUMNS.push({key: 'gd_omission', title: 'gd_omission', num: true, digits: 3});
  }
  if (runs.some(function (r) { return typeof r.cost === 'number'; })) {
    COLUMNS.push({key: 'cost', title: 'cost', num: true, digits: 4});
  }
  COLUMNS.forEach(function (c) {
    c.value = c.value || function (r) { return r[c.key]; };
  });

  var state = {sort: null, descending: false, text: '', status: '', scenario: '', members: null,
    memberName: '', shown: PAGE, picked: []};

  main.appendChild(el('h1', null, 'Runs ',
    el('span', {class: 'count'}, '(', el('span', {id: 'run-count'}, String(runs.length)), ')')));
  if (data.skipped.length > 0) {
    var skipped = el('details', {class: 'skipped'},
      el('summary', null, data.skipped.length + ' input(s) skipped'));
    skipped.appendChild(el('ul', null, data.skipped.map(function (s) { return el('li', null, s); })));
    main.appendChild(skipped);
  }

  function survival(t) {
    if (!t) {
      return '\u2013';
    }
    var median = t.km_median === null ? 'not reached' : GDG.fmt(t.km_median, 1) +
      ' [' + GDG.fmt(t.km_ci_low, 1) + ', ' + GDG.fmt(t.km_ci_high, 1) + ']';
    return median + ' (' + t.censored + ' of ' + t.n + ' censored)';
  }

  /* Groups */
  if (data.groups.length > 0) {
    main.appendChild(el('h2', null, 'Groups ',
      el('span', {class: 'note'}, 'by ' + data.grouped_by.join(', ') +
        '; complete runs; means with 95% intervals (Student t; crossing rate: Wilson)')));
    var groupTable = el('table', {class: 'groups', id: 'groups'});
    var estimateKeys = ['mean_alignment_score', 'alignment_slope', 'first_crossing_if_crossed'];
    if (data.judged) {
      estimateKeys.push('gd_commission', 'gd_omission');
    }
    groupTable.appendChild(el('thead', null, el('tr', null,
      el('th', null, 'group'), el('th', null, 'n'), el('th', null, 'excluded'),
      estimateKeys.map(function (k) { return el('th', null, k); }),
      el('th', null, 'crossing rate'),
      el('th', null, 'time to crossing (Kaplan\u2013Meier median, 95% CI; censored)'),
      el('th', null, 'score by step (mean, 95% band)'))));
    var body = el('tbody');
    data.groups.forEach(function (g) {
      var show = el('a', {href: '#', class: 'group-filter'}, g.name);
      show.addEventListener('click', function (event) {
        event.preventDefault();
        state.members = new Set(g.members);
        state.memberName = g.name;
        state.shown = PAGE;
        render();
        document.getElementById('runs').scrollIntoView();
      });
      var curve = GDG.chart([{
        points: g.curve.map(function (p, i) { return [i, p[1]]; }),
        band: g.curve.map(function (p, i) { return [i, p[2], p[3]]; }),
        cls: 'a'
      }], {small: true, width: 240, height: 90, threshold: g.threshold,
        label: 'mean score by step, ' + g.name});
      var rate = g.crossing_rate;
      body.appendChild(el('tr', null,
        el('td', null, show), el('td', {class: 'num'}, String(g.n)),
        el('td', {class: 'num'}, String(g.excluded)),
        estimateKeys.map(function (k) {
          return el('td', {class: 'num'}, GDG.estimate(g[k], k === 'alignment_slope' ? 4 : 3));
        }),
        el('td', {class: 'num'}, rate && rate.rate !== null ?
          GDG.fmt(rate.rate, 2) + ' [' + GDG.fmt(rate.ci_low, 2) + ', ' + GDG.fmt(rate.ci_high, 2) +
            '] (' + rate.crossed + '/' + rate.n + ')' : '\u2013'),
        el('td', {class: 'num'}, survival(g.time_to_crossing)),
        el('td', {class: 'curve'}, curve)));
    });
    groupTable.appendChild(body);
    main.appendChild(el('div', {class: 'scroll'}, groupTable));
  }

  /* Filters and the comparison picker */
  main.appendChild(el('h2', {id: 'runs'}, 'Runs'));
  var search = el('input', {type: 'search', id: 'filter', placeholder:
    'filter: scenario, label, policy, model, seed, status, id'});
  function options(key) {
    var values = Array.from(new Set(runs.map(function (r) { return r[key]; }))).sort();
    var select = el('select', {id: 'filter-' + key},
      el('option', {value: ''}, 'every ' + key));
    values.forEach(function (v) { select.appendChild(el('option', {value: v}, v)); });
    return select;
  }
  var scenarioSelect = options('scenario');
  var statusSelect = options('status');
  var compareLink = el('a', {id: 'compare-link', class: 'button disabled', href: '#'},
    'Compare the two picked runs');
  var pickedNote = el('span', {class: 'note', id: 'picked'}, 'pick two runs to compare them');
  var groupNote = el('span', {class: 'note'});
  main.appendChild(el('div', {class: 'controls'}, search, scenarioSelect, statusSelect, groupNote,
    compareLink, pickedNote));
  search.addEventListener('input', function () {
    state.text = search.value.trim().toLowerCase();
    state.shown = PAGE;
    render();
  });
  scenarioSelect.addEventListener('change', function () {
    state.scenario = scenarioSelect.value;
    state.shown = PAGE;
    render();
  });
  statusSelect.addEventListener('change', function () {
    state.status = statusSelect.value;
    state.shown = PAGE;
    render();
  });

  var table = el('table', {class: 'runs', id: 'runs-table'});
  var headRow = el('tr', null, el('th', null, 'pick'), el('th', null, 'run'));
  COLUMNS.forEach(function (c) {
    var th = el('th', {class: 'sortable' + (c.num ? ' num' : ''), 'data-key': c.key,
      title: 'sort by ' + c.title}, c.title);
    th.addEventListener('click', function () {
      state.descending = state.sort === c.key ? !state.descending : false;
      state.sort = c.key;
      render();
    });
    headRow.appendChild(th);
  });
  table.appendChild(el('thead', null, headRow));
  var tbody = el('tbody');
  table.appendChild(tbody);
  main.appendChild(el('div', {class: 'scroll'}, table));
  var more = el('button', {type: 'button', id: 'more'});
  more.addEventListener('click', function () {
    state.shown += PAGE * 5;
    render();
  });
  var shownNote = el('p', {class: 'note', id: 'shown'});
  main.appendChild(shownNote);
  main.appendChild(more);

  function matches(run, index) {
    if (state.members && !state.members.has(index)) {
      return false;
    }
    if (state.scenario && run.scenario !== state.scenario) {
      return false;
    }
    if (state.status && run.status !== state.status) {
      return false;
    }
    if (!state.text) {
      return true;
    }
    return [run.id, run.run_id, run.scenario, run.label, run.policy, run.model, run.seed, run.status]
      .some(function (v) {
        return v !== null && v !== undefined && String(v).toLowerCase().indexOf(state.text) >= 0;
      });
  }

  function compare(a, b) {
    if (a === b) {
      return 0;
    }
    if (a === null || a === undefined) {
      return 1;
    }
    if (b === null || b === undefined) {
      return -1;
    }
    if (typeof a === 'number' && typeof b === 'number') {
      return a - b;
    }
    return String(a) < String(b) ? -1 : 1;
  }

  function togglePick(id, box) {
    var at = state.picked.indexOf(id);
    if (box.checked && at < 0) {
      state.picked.push(id);
      if (state.picked.length > 2) {
        state.picked.shift();
      }
    } else if (!box.checked && at >= 0) {
      state.picked.splice(at, 1);
    }
    updatePicked();
    render();
  }

  function updatePicked() {
    if (state.picked.length === 2) {
      compareLink.setAttribute('href', GDG.compareHref(state.picked[0], state.picked[1]));
      compareLink.setAttribute('class', 'button');
      pickedNote.textContent = state.picked[0] + '  vs  ' + state.picked[1];
    } else {
      compareLink.setAttribute('href', '#');
      compareLink.setAttribute('class', 'button disabled');
      pickedNote.textContent = state.picked.length === 1 ? 'picked ' + state.picked[0] +
        '; pick one more' : 'pick two runs to compare them';
    }
  }
  compareLink.addEventListener('click', function (event) {
    if (state.picked.length !== 2) {
      event.preventDefault();
    }
  });

  function render() {
    var order = [];
    runs.forEach(function (run, i) {
      if (matches(run, i)) {
        order.push(i);
      }
    });
    if (state.sort) {
      var column = COLUMNS.filter(function (c) { return c.key === state.sort; })[0];
      order.sort(function (i, j) {
        var c = compare(column.value(runs[i]), column.value(runs[j]));
        if (c === 0) {
          return i - j;
        }
        var nulls = column.value(runs[i]) === null || column.value(runs[j]) === null;
        return state.descending && !nulls ? -c : c;
      });
    }
    Array.prototype.forEach.call(headRow.querySelectorAll('th[data-key]'), function (th) {
      var key = th.getAttribute('data-key');
      th.setAttribute('aria-sort', key !== state.sort ? 'none' :
        state.descending ? 'descending' : 'ascending');
    });
    groupNote.textContent = state.members ? 'group ' + state.memberName : '';
    if (state.members) {
      var clearGroup = el('a', {href: '#', class: 'clear'}, ' (show all)');
      clearGroup.addEventListener('click', function (event) {
        event.preventDefault();
        state.members = null;
        render();
      });
      groupNote.appendChild(clearGroup);
    }
    GDG.clear(tbody);
    var fragment = document.createDocumentFragment();
    order.slice(0, state.shown).forEach(function (i) {
      var run = runs[i];
      var box = el('input', {type: 'checkbox', class: 'pick', 'data-id': run.id,
        'aria-label': 'pick ' + run.id, checked: state.picked.indexOf(run.id) >= 0});
      box.addEventListener('change', function () { togglePick(run.id, box); });
      var row = el('tr', {class: 'status-' + run.status + (run.first !== null ? ' crossed' : '')},
        el('td', null, box), el('td', {class: 'run-id'}, GDG.runLink(run.id, run.run_id)));
      COLUMNS.forEach(function (c) {
        var v = c.value(run);
        row.appendChild(el('td', c.num ? {class: 'num'} : null,
          c.num ? GDG.fmt(v, c.digits) :
            (v === null || v === undefined ? '\u2013' : String(v))));
      });
      fragment.appendChild(row);
    });
    tbody.appendChild(fragment);
    shownNote.textContent = 'showing ' + Math.min(state.shown, order.length) + ' of ' +
      order.length + ' matching runs (' + runs.length + ' in all)';
    more.hidden = order.length <= state.shown;
    more.textContent = 'show ' + Math.min(PAGE * 5, order.length - state.shown) + ' more';
  }

  render();
  GDG.ready();
})();
