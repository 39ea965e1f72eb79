// A stand-in core for the engine's own tests: the same exports as src/core, trivial rules.
var cesCore = (function () {
  var defaultOptions = {
    maxMetrics: 10,
    maxBodyBytes: 524288,
    datapointBudget: 0,
    rawIntervalS: 60,
    maxDataPoints: 1000,
    minIntervalMs: 0,
    maxSeriesPerQuery: 100,
    maxWindows: 20,
  };

  // One batch per query, one metric per batch.
  function plan(input) {
    var batches = [];
    var queries = input.queries.map(function (q, i) {
      batches.push({
        id: i,
        refIds: [q.refId],
        body: {
          metrics: [{ namespace: q.namespace, metric_name: q.metricName, dimensions: [] }],
          from: input.range.from,
          to: input.range.to,
          period: q.period,
          filter: q.filter,
        },
      });
      return {
        refId: q.refId,
        period: Number(q.period),
        periodReason: 'as asked',
        windows: [input.range],
        keys: [q.namespace + '.' + q.metricName],
        batchIds: [i],
        notices: [],
      };
    });
    return { batches: batches, queries: queries };
  }

  // One series per answered metric of the query's batches.
  function shape(plan, outcomes) {
    return {
      queries: plan.queries.map(function (q) {
        var result = { refId: q.refId, notices: [], executedQueryString: 'fixture', series: [] };
        q.batchIds.forEach(function (id) {
          var outcome = outcomes.filter(function (o) { return o.batchId === id; })[0];
          if (outcome.error) {
            result.error = {
              status: outcome.status,
              code: outcome.error.code,
              message: outcome.error.message,
            };
            return;
          }
          outcome.metrics.forEach(function (m, index) {
            result.series.push({
              key: m.namespace + '.' + m.metric_name,
              name: m.metric_name,
              labels: { count: String(m.count) },
              unit: m.unit,
              cesUnit: m.unit,
              intervalMs: q.period * 1000,
              field: plan.batches[id].body.filter,
              parts: [{ batchId: id, index: index }],
            });
          });
        });
        return result;
      }),
    };
  }

  function toBatchAnswer(batchId, status, body) {
    if (status >= 200 && status < 300 && body && body.metrics) {
      return { batchId: batchId, status: status, body: body };
    }
    var code = body && body.message && body.message.code;
    var details = (body && body.message && body.message.details) || 'answered ' + status;
    return { batchId: batchId, status: status, error: { code: code, message: details } };
  }

  function toOutcome(answer) {
    return answer;
  }

  function echo(value) {
    return value;
  }

  function fail() {
    throw new Error('the fixture refuses');
  }

  function spin() {
    for (;;) {}
  }

  return {
    defaultOptions: defaultOptions,
    plan: plan,
    shape: shape,
    toBatchAnswer: toBatchAnswer,
    toOutcome: toOutcome,
    echo: echo,
    fail: fail,
    spin: spin,
  };
})();
