/*
 * Tongpao dashboard. Reads and acts only through the REST API under /api/v1 with the browser session
 * (POST /api/v1/session sets an HttpOnly cookie); the CSRF token lives in this script's memory only and goes
 * with every unsafe request. Nothing about the login is written to storage; the language choice is kept in
 * sessionStorage.
 */
(function () {
  'use strict';
  var API = '/api/v1';
  var csrfToken = null;
  var me = null;
  var chart = null;
  var lang = sessionStorage.getItem('tongpao.lang') === 'en' ? 'en' : 'zh';
  var national = [];
  var mapShown = false;
  var expiring = [];

  var TEXT = {
    zh: {
      title: '同袍 · 应急物资', logout: '退出', login: '登录', username: '用户名', password: '密码', loginButton: '登录',
      available: '可用库存', reserved: '已预留', frontLine: '已送达一线', provincesWithStock: '有库存的省份',
      map: '各省库存', category: '类别', allCategories: '全部', legend: '颜色：可用数量（深色较多）；灰色：无数据或无权查看',
      day: '今日待办', plans: '待审批的调拨计划', receipts: '待确认收货的批次', late: '延误与有风险的运输',
      census: '未上报储备普查的省份', low: '低于最低库存', approve: '批准', confirm: '确认收货', none: '无',
      badLogin: '用户名或密码错误', tooMany: '登录失败次数过多，请稍后再试', approved: '已批准，批次 ', received: '已确认收货：',
      failed: '操作失败：', switchTo: 'English', chartTitle: '可用库存（前 15 个省份）', planLabel: '计划 ',
      breached: '已延误', atRisk: '有风险', minimum: '最低 ', onHand: '现有 ', deadline: '截止 ',
      lateCensus: '已逾期', stockouts: '即将断货（按近期消耗）', reports: '报表下载', dailyReport: '日报',
      stockReport: '库存报表', coverReport: '保障天数与断货预测', runsOut: '预计断货 ', days: ' 天',
      expiring: '30 天内到期', allProvinces: '全部省份', expires: '到期 ', expired: '已过期', daysLeft: '剩 '
    },
    en: {
      title: 'Tongpao · Emergency supplies', logout: 'Log out', login: 'Log in', username: 'User name', password: 'Password',
      loginButton: 'Log in', available: 'Available stock', reserved: 'Reserved', frontLine: 'Delivered to the front line',
      provincesWithStock: 'Provinces with stock', map: 'Stock by province', category: 'Category', allCategories: 'All',
      legend: 'Colour: available quantity (darker is more); grey: no data or not yours to see',
      day: "The operator's day", plans: 'Plans waiting for approval', receipts: 'Batches to confirm receipt of',
      late: 'Late and at-risk shipments', census: 'Provinces yet to answer the reserve census', low: 'Below minimum stock',
      approve: 'Approve', confirm: 'Confirm receipt', none: 'None', badLogin: 'Wrong user name or password',
      tooMany: 'Too many failed logins; try again later', approved: 'Approved: batch ', received: 'Receipt confirmed: ',
      failed: 'Failed: ', switchTo: '中文', chartTitle: 'Available stock (top 15 provinces)', planLabel: 'Plan ',
      breached: 'late', atRisk: 'at risk', minimum: 'minimum ', onHand: 'on hand ', deadline: 'deadline ',
      lateCensus: 'overdue', stockouts: 'Stock-outs coming (at the recent rate)', reports: 'Reports',
      dailyReport: 'Daily situation report', stockReport: 'Stock', coverReport: 'Cover and stock-out forecast',
      runsOut: 'runs out ', days: ' days', expiring: 'Expiring within 30 days', allProvinces: 'All provinces',
      expires: 'expires ', expired: 'expired', daysLeft: ''
    }
  };

  /* The 31 provinces on a fixed tile grid [code, column, row], roughly where they lie. */
  var TILES = [
    ['23', 8, 0], ['15', 6, 1], ['22', 8, 1],
    ['65', 1, 2], ['62', 3, 2], ['64', 4, 2], ['14', 5, 2], ['11', 6, 2], ['12', 7, 2], ['21', 8, 2],
    ['63', 2, 3], ['61', 4, 3], ['41', 5, 3], ['13', 6, 3], ['37', 7, 3],
    ['54', 1, 4], ['51', 3, 4], ['50', 4, 4], ['42', 5, 4], ['34', 6, 4], ['32', 7, 4], ['31', 8, 4],
    ['53', 3, 5], ['52', 4, 5], ['43', 5, 5], ['36', 6, 5], ['33', 7, 5],
    ['45', 4, 6], ['44', 5, 6], ['35', 6, 6],
    ['46', 4, 7]
  ];
  var NAMES = {
    '11': ['北京', 'Beijing'], '12': ['天津', 'Tianjin'], '13': ['河北', 'Hebei'], '14': ['山西', 'Shanxi'],
    '15': ['内蒙古', 'Inner Mongolia'], '21': ['辽宁', 'Liaoning'], '22': ['吉林', 'Jilin'], '23': ['黑龙江', 'Heilongjiang'],
    '31': ['上海', 'Shanghai'], '32': ['江苏', 'Jiangsu'], '33': ['浙江', 'Zhejiang'], '34': ['安徽', 'Anhui'],
    '35': ['福建', 'Fujian'], '36': ['江西', 'Jiangxi'], '37': ['山东', 'Shandong'], '41': ['河南', 'Henan'],
    '42': ['湖北', 'Hubei'], '43': ['湖南', 'Hunan'], '44': ['广东', 'Guangdong'], '45': ['广西', 'Guangxi'],
    '46': ['海南', 'Hainan'], '50': ['重庆', 'Chongqing'], '51': ['四川', 'Sichuan'], '52': ['贵州', 'Guizhou'],
    '53': ['云南', 'Yunnan'], '54': ['西藏', 'Xizang'], '61': ['陕西', 'Shaanxi'], '62': ['甘肃', 'Gansu'],
    '63': ['青海', 'Qinghai'], '64': ['宁夏', 'Ningxia'], '65': ['新疆', 'Xinjiang']
  };

  function t(key) { return TEXT[lang][key] || key; }
  function provinceName(code) {
    if (code === null || code === undefined) { return lang === 'zh' ? '中央储备' : 'Central reserve'; }
    var n = NAMES[code];
    return n ? n[lang === 'zh' ? 0 : 1] : code;
  }
  function $(id) { return document.getElementById(id); }
  function fmt(n) { return Number(n).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB'); }

  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    return Array.prototype.map.call(b, function (x) { return ('0' + x.toString(16)).slice(-2); }).join('');
  }

  /* One request to the API: same origin, the session cookie, the CSRF token on unsafe methods. */
  function api(method, path, body) {
    var headers = { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
    if (method !== 'GET') {
      headers['Idempotency-Key'] = uuid();
      if (csrfToken) { headers['X-CSRF-Token'] = csrfToken; }
    }
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    return fetch(API + path, {
      method: method, headers: headers, credentials: 'same-origin', cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (r) {
      if (r.status === 204) { return null; }
      return r.json().catch(function () { return null; }).then(function (json) {
        if (!r.ok) {
          var e = new Error((json && (json.detail || json.title)) || ('HTTP ' + r.status));
          e.status = r.status;
          throw e;
        }
        return json;
      });
    });
  }

  function applyLanguage() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('title');
    Array.prototype.forEach.call(document.querySelectorAll('[data-i18n]'), function (el) {
      el.textContent = t(el.getAttribute('data-i18n'));
    });
    $('lang-switch').textContent = t('switchTo');
    if (me) { render(); loadDay(); }
  }

  function showLogin() {
    me = null;
    csrfToken = null;
    $('app').hidden = true;
    $('logout').hidden = true;
    $('who').textContent = '';
    $('login').hidden = false;
    $('username').focus();
  }

  function started(session) {
    me = session;
    csrfToken = session.csrfToken;
    $('login').hidden = true;
    $('app').hidden = false;
    $('logout').hidden = false;
    $('who').textContent = session.user + (session.province ? ' · ' + provinceName(session.province) : '');
    loadNational();
    loadDay();
  }

  function login(ev) {
    ev.preventDefault();
    $('login-error').textContent = '';
    api('POST', '/session', { username: $('username').value, password: $('password').value })
      .then(function (s) { $('password').value = ''; started(s); })
      .catch(function (e) { $('login-error').textContent = e.status === 429 ? t('tooMany') : t('badLogin'); });
  }

  function logout() {
    api('DELETE', '/session').catch(function () { return null; }).then(showLogin);
  }

  /* ---- the national picture ---- */

  function loadNational() {
    var cat = $('category').value;
    api('GET', '/inventory/national' + (cat ? '?category=' + encodeURIComponent(cat) : '')).then(function (page) {
      national = page.items || [];
      if (!cat) { fillCategories(national); }
      render();
    }).catch(function (e) { $('message').textContent = t('failed') + e.message; });
  }

  function fillCategories(rows) {
    var select = $('category');
    var known = {};
    Array.prototype.forEach.call(select.options, function (o) { known[o.value] = true; });
    rows.map(function (r) { return r.categoryCode; }).filter(function (c, i, a) { return c && a.indexOf(c) === i; })
      .sort().forEach(function (c) {
        if (!known[c]) { var o = document.createElement('option'); o.value = c; o.textContent = c; select.appendChild(o); }
      });
  }

  function byProvince(rows) {
    var sums = {};
    rows.forEach(function (r) {
      var k = r.provinceCode === null ? '' : r.provinceCode;
      var s = sums[k] || (sums[k] = { available: 0, reserved: 0, onHand: 0, front: 0 });
      s.available += r.available; s.reserved += r.reserved; s.onHand += r.onHand; s.front += r.deliveredToFrontLine || 0;
    });
    return sums;
  }

  function render() {
    var sums = byProvince(national);
    var total = { available: 0, reserved: 0, front: 0 };
    var withStock = 0;
    Object.keys(sums).forEach(function (k) {
      total.available += sums[k].available; total.reserved += sums[k].reserved; total.front += sums[k].front;
      if (k && sums[k].available > 0) { withStock++; }
    });
    $('total-available').textContent = fmt(total.available);
    $('total-available').setAttribute('data-value', total.available);
    $('total-reserved').textContent = fmt(total.reserved);
    $('total-front-line').textContent = fmt(total.front);
    $('provinces-with-stock').textContent = withStock;
    renderMap(sums);
    renderChart(sums);
  }

  function renderMap(sums) {
    var map = $('map');
    map.textContent = '';
    var max = 0;
    Object.keys(sums).forEach(function (k) { if (k) { max = Math.max(max, sums[k].available); } });
    TILES.forEach(function (tile) {
      var code = tile[0];
      var el = document.createElement('div');
      el.className = 'tile';
      el.setAttribute('role', 'listitem');
      el.setAttribute('data-province', code);
      el.style.gridColumn = String(tile[1] + 1);
      el.style.gridRow = String(tile[2] + 1);
      var name = document.createElement('span');
      name.textContent = provinceName(code);
      var v = document.createElement('span');
      v.className = 'v';
      var s = sums[code];
      if (s) {
        v.textContent = fmt(s.available);
        el.setAttribute('data-value', String(s.available));
        var share = max > 0 ? s.available / max : 0;
        // white → the ministry's red, by share of the largest province
        var r = Math.round(255 - share * (255 - 139)), g = Math.round(255 - share * (255 - 26)), b = g;
        el.style.backgroundColor = 'rgb(' + r + ',' + g + ',' + b + ')';
        if (share > 0.55) { el.classList.add('dark'); }
        el.title = provinceName(code) + ': ' + fmt(s.available);
      } else {
        v.textContent = '–';
      }
      el.appendChild(name);
      el.appendChild(v);
      map.appendChild(el);
    });
    if (!mapShown) {
      // the page's meaningful moment: the map with numbers (read by the browser test from the performance timeline)
      mapShown = true;
      if (window.performance && performance.mark) { performance.mark('tongpao-map'); }
    }
  }

  function renderChart(sums) {
    if (!window.echarts) { return; }
    var rows = Object.keys(sums).map(function (k) { return { code: k || null, v: sums[k].available, r: sums[k].reserved }; })
      .sort(function (a, b) { return b.v - a.v; }).slice(0, 15).reverse();
    if (!chart) { chart = echarts.init($('chart-stock'), null, { renderer: 'canvas' }); }
    chart.setOption({
      title: { text: t('chartTitle'), textStyle: { fontSize: 13 } },
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      legend: { top: 22, data: [t('available'), t('reserved')] },
      grid: { left: 90, right: 20, top: 50, bottom: 20 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: rows.map(function (x) { return provinceName(x.code); }) },
      series: [
        { name: t('available'), type: 'bar', stack: 's', data: rows.map(function (x) { return x.v; }), itemStyle: { color: '#8b1a1a' } },
        { name: t('reserved'), type: 'bar', stack: 's', data: rows.map(function (x) { return x.r; }), itemStyle: { color: '#d9a441' } }
      ]
    }, true);
  }

  /* ---- the operator's day ---- */

  function item(list, text, link, button) {
    var li = document.createElement('li');
    var span = document.createElement(link ? 'a' : 'span');
    span.textContent = text;
    if (link) { span.href = link; span.target = '_blank'; span.rel = 'noopener'; }
    li.appendChild(span);
    if (button) { li.appendChild(button); }
    list.appendChild(li);
    return li;
  }

  function fill(id, promise, each) {
    var list = $(id);
    return promise.then(function (rows) {
      list.textContent = '';
      rows.forEach(function (r) { each(list, r); });
      if (!list.children.length) { var li = item(list, t('none')); li.className = 'none'; }
    }).catch(function (e) {
      list.textContent = '';
      var li = item(list, e.status === 403 ? t('none') : t('failed') + e.message);
      li.className = 'none';
    });
  }

  function items(path) { return api('GET', path).then(function (p) { return p.items || []; }); }
  function can(roles) { return me && me.roles.some(function (r) { return roles.indexOf(r) >= 0; }); }

  function actionButton(label, data, run) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'action';
    b.textContent = label;
    Object.keys(data).forEach(function (k) { b.setAttribute('data-' + k, data[k]); });
    b.addEventListener('click', function () {
      b.disabled = true;
      run().then(function (msg) { $('message').textContent = msg; loadDay(); loadNational(); })
        .catch(function (e) { b.disabled = false; $('message').textContent = t('failed') + e.message; });
    });
    return b;
  }

  function loadDay() {
    fill('plans', items('/allocation/plans?status=DRAFT&limit=50'), function (list, p) {
      var text = t('planLabel') + p.id + ' · ' + provinceName(p.provinceCode) + ' · ' + (p.categoryCode || ('#' + p.itemId))
        + ' · ' + fmt(p.totalPlanned) + '/' + fmt(p.totalRequested);
      var button = can(['ministry-admin', 'province-officer']) && p.createdBy !== me.user
        ? actionButton(t('approve'), { plan: p.id }, function () {
          return api('POST', '/allocation/plans/' + p.id + '/approve').then(function (b) { return t('approved') + b.number; });
        }) : null;
      item(list, text, API + '/allocation/plans/' + p.id, button);
    });
    var dispatched = items('/allocation/batches?status=DISPATCHED&limit=50');
    var partly = items('/allocation/batches?status=PARTLY_RECEIVED&limit=50');
    fill('receipts', Promise.all([dispatched, partly]).then(function (a) { return a[0].concat(a[1]); }), function (list, b) {
      var button = can(['ministry-admin', 'ministry-officer', 'province-officer', 'depot-keeper'])
        ? actionButton(t('confirm'), { batch: b.id }, function () { return confirmReceipt(b.id); }) : null;
      item(list, b.number + ' · ' + (b.title || provinceName(b.provinceCode)), API + '/allocation/batches/' + b.id, button);
    });
    fill('late', Promise.all([items('/shipments?sla=BREACHED&limit=50'), items('/shipments?sla=AT_RISK&limit=50')])
      .then(function (a) {
        return a[0].map(function (s) { s.late = t('breached'); return s; })
          .concat(a[1].map(function (s) { s.late = t('atRisk'); return s; }));
      }), function (list, s) {
      item(list, s.number + ' → ' + provinceName(s.toProvinceCode) + ' · ' + s.late, API + '/shipments/' + s.id);
    });
    fill('census', items('/inventory/census?limit=50').then(function (cs) {
      if (!cs.length) { return []; }
      // the latest census: the highest id (the list's order is the API's business)
      var c = cs.reduce(function (a, b) { return b.id > a.id ? b : a; });
      return (c.provinces || []).filter(function (p) { return p.status === 'PENDING' || p.status === 'LATE'; })
        .map(function (p) { p.census = c; return p; });
    }), function (list, p) {
      var li = item(list, provinceName(p.provinceCode) + ' · ' + p.census.title + ' · '
        + (p.status === 'LATE' ? t('lateCensus') : t('deadline')
          + new Date(p.census.deadline).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB')),
        API + '/inventory/census/' + p.census.id);
      li.setAttribute('data-province', p.provinceCode);
    });
    fill('low', lowStock(), function (list, x) {
      var li = item(list, x.depotCode + ' · ' + x.itemCode + ' · ' + t('onHand') + fmt(x.available) + ' < ' + t('minimum') + fmt(x.minimum),
        API + '/inventory/balances?by=item&depot=' + x.depotId + '&item=' + x.itemId);
      li.setAttribute('data-depot', x.depotCode);
    });
    fill('stockouts', stockOuts(), function (list, r) {
      var li = item(list, placeName(r.place) + ' · ' + r.itemCode + ' · ' + t('runsOut')
        + new Date(r.stockOutDate).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB')
        + (r.daysWithIncoming !== null ? ' (' + Math.floor(r.daysWithIncoming) + t('days') + ')' : ''),
        API + '/reports/cover');
      li.setAttribute('data-province', r.place.code);
    });
    loadExpiring();
  }

  /*
   * Stock expiring within 30 days per place × item (the reporting bundle's expiring report, soonest first, the API's
   * scope); the province list filters the rows already read. Without reporting (404) the list says none.
   */
  function loadExpiring() {
    fill('expiring', api('GET', '/reports/expiring?days=30').then(function (report) {
      expiring = report.rows || [];
      expiringProvinces();
      return shownExpiring();
    }, function (e) {
      if (e.status === 404) { expiring = []; return []; }
      throw e;
    }), expiringRow);
  }

  function shownExpiring() {
    var p = $('expiring-province').value;
    return expiring.filter(function (r) { return !p || r.place.code === p; });
  }

  function expiringProvinces() {
    var select = $('expiring-province');
    var chosen = select.value;
    while (select.options.length > 1) { select.remove(1); }
    expiring.map(function (r) { return r.place; }).filter(function (p, i, a) {
      return a.findIndex(function (q) { return q.code === p.code; }) === i;
    }).forEach(function (p) {
      var o = document.createElement('option');
      o.value = p.code;
      o.textContent = placeName(p);
      select.appendChild(o);
    });
    select.value = expiring.some(function (r) { return r.place.code === chosen; }) ? chosen : '';
  }

  function expiringRow(list, r) {
    var name = lang === 'zh' ? (r.itemNameZh || r.itemName) : r.itemName;
    var left = r.daysLeft < 0 ? t('expired') : t('daysLeft') + r.daysLeft + t('days');
    var li = item(list, placeName(r.place) + ' · ' + name + ' · ' + fmt(r.expiring) + ' · ' + t('expires')
      + new Date(r.earliestExpiry).toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'UTC' })
      + ' (' + left + ')', API + '/reports/expiring?days=30');
    li.setAttribute('data-province', r.place.code);
    li.setAttribute('data-item', r.itemCode);
    li.setAttribute('data-expiring', String(r.expiring));
  }

  /*
   * Stock-outs within 30 days at the recent rate of issues, goods on the way counted: the reporting bundle's cover
   * report. Where it is not installed (404: a provincial install without it) the list says none and the report
   * links stay hidden.
   */
  function stockOuts() {
    return api('GET', '/reports/cover').then(function (report) {
      $('reports').hidden = false;
      var limit = Date.now() + 30 * 86400000;
      return (report.rows || []).filter(function (r) { return r.stockOutDate && Date.parse(r.stockOutDate) <= limit; })
        .sort(function (a, b) { return Date.parse(a.stockOutDate) - Date.parse(b.stockOutDate); });
    }, function (e) {
      if (e.status === 404) { $('reports').hidden = true; return []; }
      throw e;
    });
  }

  function placeName(place) {
    return place.centralReserve ? provinceName(null) : (lang === 'zh' ? place.nameZh : place.nameEn) || place.code;
  }

  function confirmReceipt(batchId) {
    return api('GET', '/allocation/batches/' + batchId).then(function (b) {
      var lines = (b.lines || []).filter(function (l) { return l.status !== 'RECEIVED' && l.transferId !== null; })
        .map(function (l) { return { lineId: l.id, receivedQuantity: l.quantity, damagedQuantity: 0 }; });
      return api('POST', '/allocation/batches/' + batchId + '/receipt', { lines: lines });
    }).then(function (b) { return t('received') + b.number; });
  }

  /* Thresholds whose depot × item has less available than its minimum (the first 20 thresholds). */
  function lowStock() {
    return items('/inventory/thresholds').then(function (ts) {
      return Promise.all(ts.slice(0, 20).map(function (th) {
        return items('/inventory/balances?by=item&depot=' + th.depotId + '&item=' + th.itemId).then(function (bs) {
          var available = bs.reduce(function (s, b) { return s + b.available; }, 0);
          var first = bs[0] || {};
          return available < th.minimumLevel ? { depotId: th.depotId, itemId: th.itemId, depotCode: first.depotCode || ('#' + th.depotId),
            itemCode: first.itemCode || ('#' + th.itemId), available: available, minimum: th.minimumLevel } : null;
        }).catch(function () { return null; });
      }));
    }).then(function (rows) { return rows.filter(function (r) { return r; }); });
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('login-form').addEventListener('submit', login);
    $('logout').addEventListener('click', logout);
    $('category').addEventListener('change', loadNational);
    $('expiring-province').addEventListener('change', function () {
      fill('expiring', Promise.resolve(shownExpiring()), expiringRow);
    });
    $('lang-switch').addEventListener('click', function () {
      lang = lang === 'zh' ? 'en' : 'zh';
      sessionStorage.setItem('tongpao.lang', lang);
      applyLanguage();
    });
    window.addEventListener('resize', function () { if (chart) { chart.resize(); } });
    applyLanguage();
    api('GET', '/session').then(started).catch(showLogin);
  });
}());
