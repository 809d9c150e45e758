/* goal-drift-gym viewer: helpers shared by the pages. No network, no innerHTML: every piece of
 * data reaches the page as a text node or an attribute value set through the DOM. */
'use strict';

var GDG = (function () {
  var pendingErrors = [];

  /* Script errors and console.error calls are shown in #gdg-errors, so a reader (and the tests)
   * can see them without opening the developer tools. */
  function reportError(text) {
    var box = document.getElementById('gdg-errors');
    if (!box) {
      pendingErrors.push(text);
      return;
    }
    box.hidden = false;
    box.appendChild(document.createTextNode(text + '\n'));
  }
  window.addEventListener('error', function (event) {
    if (event.target && event.target !== window) {
      return; // a resource that failed to load; the page that asked for it says so
    }
    reportError('error: ' + event.message + (event.filename ? ' (' + event.filename + ':' +
      event.lineno + ')' : ''));
  });
  window.addEventListener('unhandledrejection', function (event) {
    reportError('unhandled rejection: ' + String(event.reason));
  });
  var consoleError = console.error;
  console.error = function () {
    reportError('console.error: ' + Array.prototype.map.call(arguments, String).join(' '));
    return consoleError.apply(console, arguments);
  };
  document.addEventListener('DOMContentLoaded', function () {
    pendingErrors.splice(0).forEach(reportError);
  });

  var SVG_NS = 'http://www.w3.org/2000/svg';
  var ID = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,200}$/;

  /* el('a', {href: 'x', class: 'y'}, 'text', child, [more]): children are nodes or text. */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    setAttrs(node, attrs);
    appendAll(node, Array.prototype.slice.call(arguments, 2));
    return node;
  }

  function svg(tag, attrs) {
    var node = document.createElementNS(SVG_NS, tag);
    setAttrs(node, attrs);
    appendAll(node, Array.prototype.slice.call(arguments, 2));
    return node;
  }

  function setAttrs(node, attrs) {
    if (!attrs) {
      return;
    }
    Object.keys(attrs).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) {
        return;
      }
      if (key === 'href' && !/^(index|run|compare)\.html(#[^:]*)?$|^#/.test(String(value))) {
        throw new Error('refusing a link that leaves the site: ' + value);
      }
      node.setAttribute(key, value === true ? '' : String(value));
    });
  }

  function appendAll(node, children) {
    children.forEach(function (child) {
      if (child === null || child === undefined || child === false) {
        return;
      }
      if (Array.isArray(child)) {
        appendAll(node, child);
      } else if (typeof child === 'object' && child.nodeType) {
        node.appendChild(child);
      } else {
        node.appendChild(document.createTextNode(String(child)));
      }
    });
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
    return node;
  }

  function main() {
    return clear(document.getElementById('main'));
  }

  /* Numbers as text: null and undefined are an en dash. */
  function fmt(value, digits) {
    if (value === null || value === undefined || (typeof value === 'number' && isNaN(value))) {
      return '\u2013';
    }
    if (typeof value !== 'number') {
      return String(value);
    }
    if (Number.isInteger(value) && digits === undefined) {
      return String(value);
    }
    return value.toFixed(digits === undefined ? 3 : digits);
  }

  /* An estimate {n, mean, ci_low, ci_high} as "0.950 [0.940, 0.960]". */
  function estimate(e, digits) {
    if (!e || e.mean === null || e.mean === undefined) {
      return '\u2013';
    }
    var text = fmt(e.mean, digits);
    if (e.ci_low !== null && e.ci_low !== undefined) {
      text += ' [' + fmt(e.ci_low, digits) + ', ' + fmt(e.ci_high, digits) + ']';
    }
    return text;
  }

  /* Any JSON value as one line of text, for arguments and panels. */
  function json(value) {
    if (value === null || value === undefined) {
      return '\u2013';
    }
    return typeof value === 'string' ? value : JSON.stringify(value);
  }

  function hashParams() {
    var params = {};
    location.hash.replace(/^#/, '').split('&').forEach(function (pair) {
      var at = pair.indexOf('=');
      if (at > 0) {
        try {
          params[decodeURIComponent(pair.slice(0, at))] = decodeURIComponent(pair.slice(at + 1));
        } catch (e) {
          // a malformed escape: leave the parameter out
        }
      }
    });
    return params;
  }

  function validId(id) {
    return typeof id === 'string' && ID.test(id);
  }

  function runLink(id, text) {
    return el('a', {href: 'run.html#id=' + encodeURIComponent(id)}, text);
  }

  function compareHref(a, b) {
    return 'compare.html#a=' + encodeURIComponent(a) + '&b=' + encodeURIComponent(b);
  }

  /* Run data files call gdgRun(data); loadRun inserts the script and hands the data to done
   * (null when the file is missing). */
  var runs = {};
  window.gdgRun = function (data) {
    runs[data.id] = data;
  };
  window.gdgIndex = function (data) {
    GDG.index = data;
  };

  function loadRun(id, done) {
    if (!validId(id)) {
      done(null);
      return;
    }
    if (runs[id]) {
      done(runs[id]);
      return;
    }
    var script = document.createElement('script');
    script.src = 'data/runs/' + id + '.js';
    script.onload = function () {
      done(runs[id] || null);
    };
    script.onerror = function () {
      done(null);
    };
    document.head.appendChild(script);
  }

  function problem(text) {
    return el('p', {class: 'problem'}, text);
  }

  /* Marks the page as drawn (the browser tests wait for it), with the milliseconds it took since
   * navigation started (docs/performance.md quotes them). */
  function ready() {
    document.body.setAttribute('data-ready', 'true');
    document.body.setAttribute('data-ready-ms', String(Math.round(performance.now())));
  }

  /* A score chart: series [{points: [[x, y]], band: [[x, lo, hi]], cls, name, onPoint}], y in
   * [0, 1] (extended when a series leaves it), threshold a dashed line. */
  function chart(series, options) {
    options = options || {};
    var width = options.width || 760;
    var height = options.height || 220;
    var pad = {left: 40, right: 12, top: 12, bottom: 28};
    if (options.small) {
      pad = {left: 28, right: 6, top: 6, bottom: 18};
    }
    var maxX = 1;
    var minY = 0;
    var maxY = 1;
    series.forEach(function (s) {
      (s.points || []).concat(s.band || []).forEach(function (p) {
        maxX = Math.max(maxX, p[0]);
        for (var i = 1; i < p.length; i++) {
          if (typeof p[i] === 'number') {
            minY = Math.min(minY, p[i]);
            maxY = Math.max(maxY, p[i]);
          }
        }
      });
    });
    var plotW = width - pad.left - pad.right;
    var plotH = height - pad.top - pad.bottom;
    function x(v) {
      return (pad.left + (v / maxX) * plotW).toFixed(1);
    }
    function y(v) {
      return (pad.top + (1 - (v - minY) / (maxY - minY)) * plotH).toFixed(1);
    }
    var root = svg('svg', {
      class: 'chart' + (options.small ? ' small' : ''),
      viewBox: '0 0 ' + width + ' ' + height,
      width: width,
      height: height,
      role: 'img',
      'aria-label': options.label || 'score by step'
    });
    var axes = svg('g', {class: 'axes'});
    [minY, (minY + maxY) / 2, maxY].forEach(function (v) {
      axes.appendChild(svg('line', {x1: pad.left, x2: width - pad.right, y1: y(v), y2: y(v),
        class: 'grid'}));
      axes.appendChild(svg('text', {x: pad.left - 4, y: Number(y(v)) + 4, class: 'tick',
        'text-anchor': 'end'}, fmt(v, 1)));
    });
    var step = Math.max(1, Math.ceil(maxX / (options.small ? 4 : 10)));
    for (var t = 0; t <= maxX; t += step) {
      axes.appendChild(svg('text', {x: x(t), y: height - pad.bottom + (options.small ? 12 : 16),
        class: 'tick', 'text-anchor': 'middle'}, String(t)));
    }
    if (!options.small) {
      axes.appendChild(svg('text', {x: width - pad.right, y: height - 2, class: 'axis-title',
        'text-anchor': 'end'}, 'step'));
    }
    root.appendChild(axes);
    if (typeof options.threshold === 'number') {
      root.appendChild(svg('line', {x1: pad.left, x2: width - pad.right, y1: y(options.threshold),
        y2: y(options.threshold), class: 'threshold'},
        svg('title', null, 'threshold ' + fmt(options.threshold))));
    }
    series.forEach(function (s) {
      var g = svg('g', {class: 'series ' + (s.cls || '')});
      var band = (s.band || []).filter(function (p) {
        return typeof p[1] === 'number' && typeof p[2] === 'number';
      });
      if (band.length > 1) {
        var upper = band.map(function (p) { return x(p[0]) + ',' + y(p[2]); });
        var lower = band.slice().reverse().map(function (p) { return x(p[0]) + ',' + y(p[1]); });
        g.appendChild(svg('polygon', {points: upper.concat(lower).join(' '), class: 'band'}));
      }
      var points = (s.points || []).filter(function (p) { return typeof p[1] === 'number'; });
      if (points.length > 0) {
        g.appendChild(svg('polyline', {
          points: points.map(function (p) { return x(p[0]) + ',' + y(p[1]); }).join(' '),
          class: 'line' + (s.dashed ? ' dashed' : '')
        }));
      }
      if (s.markers) {
        points.forEach(function (p) {
          var dot = svg('circle', {cx: x(p[0]), cy: y(p[1]), r: 3,
            class: 'dot' + (typeof options.threshold === 'number' && p[1] < options.threshold ?
              ' low' : '')},
            svg('title', null, (s.name ? s.name + ', ' : '') + 'step ' + p[0] + ': ' + fmt(p[1])));
          if (s.onPoint) {
            dot.addEventListener('click', function () { s.onPoint(p[0]); });
          }
          g.appendChild(dot);
        });
      }
      root.appendChild(g);
    });
    return root;
  }

  function legend(items) {
    return el('p', {class: 'legend'}, items.map(function (item) {
      return el('span', {class: 'key ' + item.cls}, item.name);
    }));
  }

  return {
    el: el,
    svg: svg,
    clear: clear,
    main: main,
    fmt: fmt,
    estimate: estimate,
    json: json,
    hashParams: hashParams,
    validId: validId,
    runLink: runLink,
    compareHref: compareHref,
    loadRun: loadRun,
    problem: problem,
    ready: ready,
    chart: chart,
    legend: legend,
    index: null
  };
})();
