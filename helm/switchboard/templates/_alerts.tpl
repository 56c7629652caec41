{{/*
Switchboard's Prometheus alerting rules, as the body of a rule file (`groups:`). templates/prometheusrule.yaml wraps
them in a PrometheusRule; deploy/prometheus/alerts.yml, which the compose stack's Prometheus loads, is this template
rendered with the default values (AlertRulesIT fails when the two differ and can rewrite the file). Runbooks:
docs/alerts.md. Prometheus' own template actions in annotations are written {{ "{{" }} ... }} so that Helm prints them.
*/}}
{{- define "switchboard.alerts.groups" -}}
{{- $a := .Values.alerts -}}
{{- $w := $a.rateWindow -}}
{{- $off := $a.disabled -}}
groups:
  - name: switchboard
    rules:
{{- if not (has "SwitchboardBudgetThresholdCrossed" $off) }}
      # Budget counters may be created by their first event; a series younger than the window is an event too.
      - alert: SwitchboardBudgetThresholdCrossed
        expr: |
          sum by (scope_type) (increase(switchboard_budget_threshold_crossed_total[{{ $w }}])) > 0
          or
          sum by (scope_type) (switchboard_budget_threshold_crossed_total unless switchboard_budget_threshold_crossed_total offset {{ $w }}) > 0
        labels:
          {{- include "switchboard.alerts.labels" (list $ $a.budgetThresholdCrossed) | nindent 10 }}
        annotations:
          summary: A {{ "{{" }} $labels.scope_type }} budget crossed its soft threshold
          description: >-
            At least one {{ "{{" }} $labels.scope_type }} budget spent more than its soft threshold (a percentage of its
            limit) for the current period in the last {{ $w }}. The gateway logged which budget; GET /admin/v1/budgets
            shows each budget's limit, spent, reserved and reset time.
          {{- include "switchboard.alerts.runbook" (list $ "SwitchboardBudgetThresholdCrossed") }}
{{- end }}
{{- if not (has "SwitchboardBudgetExhausted" $off) }}
      - alert: SwitchboardBudgetExhausted
        expr: |
          sum by (scope_type) (increase(switchboard_budget_exhausted_total[{{ $w }}])) > 0
          or
          sum by (scope_type) (switchboard_budget_exhausted_total unless switchboard_budget_exhausted_total offset {{ $w }}) > 0
        labels:
          {{- include "switchboard.alerts.labels" (list $ $a.budgetExhausted) | nindent 10 }}
        annotations:
          summary: Requests refused because a {{ "{{" }} $labels.scope_type }} budget is exhausted
          description: >-
            {{ "{{" }} $value | humanize }} requests in the last {{ $w }} were refused with 429 insufficient_quota because
            a {{ "{{" }} $labels.scope_type }} budget has nothing left for its period. GET /admin/v1/budgets shows which
            budget and when it resets.
          {{- include "switchboard.alerts.runbook" (list $ "SwitchboardBudgetExhausted") }}
{{- end }}
{{- if not (has "SwitchboardModelErrorRatioHigh" $off) }}
      - alert: SwitchboardModelErrorRatioHigh
        expr: |
          (
            sum by (gen_ai_request_model) (rate(gen_ai_server_request_duration_seconds_count{error_type=~`{{ $a.errorRatio.errorTypes }}`}[{{ $w }}]))
            /
            sum by (gen_ai_request_model) (rate(gen_ai_server_request_duration_seconds_count[{{ $w }}]))
          ) > {{ $a.errorRatio.threshold }}
        for: {{ $a.errorRatio.for }}
        labels:
          {{- include "switchboard.alerts.labels" (list $ $a.errorRatio) | nindent 10 }}
        annotations:
          summary: Model {{ "{{" }} $labels.gen_ai_request_model }} fails {{ "{{" }} $value | humanizePercentage }} of its requests
          description: >-
            More than {{ "{{" }} {{ $a.errorRatio.threshold }} | humanizePercentage }} of the requests for model
            {{ "{{" }} $labels.gen_ai_request_model }} have failed for {{ $a.errorRatio.for }} with upstream errors, timeouts,
            rejected provider credentials or gateway faults; requests the client got wrong do not count. Dashboard
            "Switchboard overview": Error rate by type, Upstream attempts by provider and outcome.
          {{- include "switchboard.alerts.runbook" (list $ "SwitchboardModelErrorRatioHigh") }}
{{- end }}
{{- if not (has "SwitchboardModelLatencyHigh" $off) }}
{{- include "switchboard.alerts.p95" (dict "root" $ "alert" "SwitchboardModelLatencyHigh" "settings" $a.latency
    "metric" "gen_ai_server_request_duration_seconds_bucket" "matchers" (list "error_type=\"none\"")
    "summary" "answers slowly" "what" "the duration of successful requests"
    "panel" "Latency p50 / p95 / p99 by model") }}
{{- end }}
{{- if not (has "SwitchboardModelTimeToFirstTokenHigh" $off) }}
{{- include "switchboard.alerts.p95" (dict "root" $ "alert" "SwitchboardModelTimeToFirstTokenHigh"
    "settings" $a.timeToFirstToken "metric" "gen_ai_server_time_to_first_token_seconds_bucket" "matchers" (list)
    "summary" "is slow to start streaming" "what" "the time to the first streamed token"
    "panel" "Time to first token by model") }}
{{- end }}
{{- if not (has "SwitchboardCircuitOpen" $off) }}
      # Open and half-open alternate while probes fail; only a close ends the alert. forced_open is deliberate.
      - alert: SwitchboardCircuitOpen
        expr: |
          count by (name) (resilience4j_circuitbreaker_state{state=~"open|half_open"} == 1)
        for: {{ $a.circuitOpen.for }}
        labels:
          {{- include "switchboard.alerts.labels" (list $ $a.circuitOpen) | nindent 10 }}
        annotations:
          summary: Circuit breaker of {{ "{{" }} $labels.name }} is open
          description: >-
            The circuit breaker of deployment {{ "{{" }} $labels.name }} (provider/model) has not closed for
            {{ $a.circuitOpen.for }} on {{ "{{" }} $value }} replica(s): its calls fail over to other deployments or are
            refused. Dashboard "Switchboard overview": Circuit breaker states, Upstream attempts by provider and outcome.
          {{- include "switchboard.alerts.runbook" (list $ "SwitchboardCircuitOpen") }}
{{- end }}
{{- if not (has "SwitchboardUsageRecordsDropped" $off) }}
      - alert: SwitchboardUsageRecordsDropped
        expr: |
          sum by (reason) (increase(switchboard_usage_records_dropped_total[{{ $w }}])) > 0
        labels:
          {{- include "switchboard.alerts.labels" (list $ $a.usageRecordsDropped) | nindent 10 }}
        annotations:
          summary: Usage records dropped ({{ "{{" }} $labels.reason }})
          description: >-
            {{ "{{" }} $value | humanize }} usage records were dropped in the last {{ $w }} ({{ "{{" }} $labels.reason }}):
            those requests are missing from the usage ledger and GET /admin/v1/usage. Dashboard "Switchboard
            overview": Usage ledger writer.
          {{- include "switchboard.alerts.runbook" (list $ "SwitchboardUsageRecordsDropped") }}
{{- end }}
{{- if not (has "SwitchboardRegistryRefreshFailing" $off) }}
      - alert: SwitchboardRegistryRefreshFailing
        expr: |
          increase(switchboard_registry_refresh_failures_total[{{ $w }}]) > 0
        for: {{ $a.registryRefreshFailing.for }}
        labels:
          {{- include "switchboard.alerts.labels" (list $ $a.registryRefreshFailing) | nindent 10 }}
        annotations:
          summary: Replica {{ "{{" }} $labels.instance }} fails to refresh its registry snapshot
          description: >-
            Registry snapshot refreshes or revision checks on {{ "{{" }} $labels.instance }} have kept failing for
            {{ $a.registryRefreshFailing.for }}; the replica serves its last snapshot. Its log says why ("Registry
            snapshot refresh failed", "Cannot read the registry revision").
          {{- include "switchboard.alerts.runbook" (list $ "SwitchboardRegistryRefreshFailing") }}
{{- end }}
{{- if not (has "SwitchboardRegistrySnapshotStale" $off) }}
      # A timestamp, not the failure counter: this also fires when refreshes stop happening at all.
      - alert: SwitchboardRegistrySnapshotStale
        expr: |
          time() - switchboard_registry_refresh_last_success_timestamp_seconds > {{ $a.registrySnapshotStale.afterSeconds }}
        labels:
          {{- include "switchboard.alerts.labels" (list $ $a.registrySnapshotStale) | nindent 10 }}
        annotations:
          summary: Replica {{ "{{" }} $labels.instance }} serves a registry snapshot last checked {{ "{{" }} $value | humanizeDuration }} ago
          description: >-
            {{ "{{" }} $labels.instance }} has not confirmed its registry snapshot against the database for more than
            {{ "{{" }} {{ $a.registrySnapshotStale.afterSeconds }} | humanizeDuration }}: keys, models, routes and prices
            changed since then (a revoked key too) may not apply there.
          {{- include "switchboard.alerts.runbook" (list $ "SwitchboardRegistrySnapshotStale") }}
{{- end }}
{{- end }}

{{/*
A model's p95 from a GenAI histogram above a threshold: the default for every model the settings' `models` does not
name, each named model its own. One rule whose branches are joined by `or`, so the alert stays one rule to Prometheus.
*/}}
{{- define "switchboard.alerts.p95" -}}
{{- $s := .settings -}}
{{- $models := keys $s.models | sortAlpha -}}
{{- $quoted := list -}}
{{- range $models }}{{ $quoted = append $quoted (regexQuoteMeta .) }}{{ end -}}
{{- $default := .matchers -}}
{{- if $models }}{{ $default = append $default (printf "gen_ai_request_model!~`%s`" (join "|" $quoted)) }}{{ end -}}
{{- $branches := list (include "switchboard.alerts.p95Branch" (list . $default $s.p95Seconds)) -}}
{{- $thresholds := list (printf "{{ %v | humanizeDuration }}" $s.p95Seconds) -}}
{{- range $models }}
{{- $branches = append $branches (include "switchboard.alerts.p95Branch"
    (list $ (append $.matchers (printf "gen_ai_request_model=`%s`" .)) (index $s.models .))) }}
{{- $thresholds = append $thresholds (printf "{{ %v | humanizeDuration }} for %s" (index $s.models .) .) }}
{{- end }}
      - alert: {{ .alert }}
        expr: |
          {{- range $i, $branch := $branches }}
          {{- if $i }}
          or
          {{- end }}
          {{ $branch }}
          {{- end }}
        for: {{ $s.for }}
        labels:
          {{- include "switchboard.alerts.labels" (list .root $s) | nindent 10 }}
        annotations:
          summary: Model {{ "{{" }} $labels.gen_ai_request_model }} {{ .summary }} (p95 {{ "{{" }} $value | humanizeDuration }})
          description: >-
            For {{ $s.for }}, the 95th percentile of {{ .what }} of model
            {{ "{{" }} $labels.gen_ai_request_model }} has stayed above {{ join ", or " $thresholds }}.
            Dashboard "Switchboard overview": {{ .panel }},
            and Upstream time to first chunk (p95) by provider to tell the provider's share from the gateway's.
          {{- include "switchboard.alerts.runbook" (list .root .alert) }}
{{- end }}

{{/* One branch of a p95 rule. Arguments: (list the-p95-arguments matchers threshold). */}}
{{- define "switchboard.alerts.p95Branch" -}}
{{- $p := index . 0 -}}
{{- $matchers := index . 1 -}}
histogram_quantile(0.95, sum by (le, gen_ai_request_model) (rate({{ $p.metric }}{{ if $matchers }}{ {{- join ", " $matchers -}} }{{ end }}[{{ $p.root.Values.alerts.rateWindow }}]))) > {{ index . 2 }}
{{- end }}

{{/* An alert's labels: its severity, then alerts.ruleLabels. Arguments: (list $ settings). */}}
{{- define "switchboard.alerts.labels" -}}
{{- $root := index . 0 -}}
severity: {{ (index . 1).severity }}
{{- with $root.Values.alerts.ruleLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* runbook_url: alerts.runbookUrl plus the alert's anchor in docs/alerts.md, when a base is set. */}}
{{- define "switchboard.alerts.runbook" -}}
{{- $root := index . 0 -}}
{{- with $root.Values.alerts.runbookUrl }}
{{- printf "runbook_url: %s#%s" . (lower (index $ 1)) | nindent 10 }}
{{- end }}
{{- end }}
