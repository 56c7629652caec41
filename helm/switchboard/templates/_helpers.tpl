{{/* The chart name, truncated to the 63 characters Kubernetes allows in a label. */}}
{{- define "switchboard.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The name of every object of this release. */}}
{{- define "switchboard.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "switchboard.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Selector labels: stable across upgrades, so never add a version here. */}}
{{- define "switchboard.selectorLabels" -}}
app.kubernetes.io/name: {{ include "switchboard.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "switchboard.labels" -}}
helm.sh/chart: {{ include "switchboard.chart" . }}
{{ include "switchboard.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: gateway
app.kubernetes.io/part-of: switchboard
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "switchboard.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "switchboard.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The Secret holding the master key, admin key and database URL and password. */}}
{{- define "switchboard.secretName" -}}
{{- default (include "switchboard.fullname" .) .Values.secrets.existingSecret }}
{{- end }}

{{/* Whether the chart creates that Secret itself: no existing one is named and there is something to keep. */}}
{{- define "switchboard.createSecret" -}}
{{- $s := .Values.secrets }}
{{- if and (not $s.existingSecret) (or $s.masterKey $s.adminKey .Values.database.url .Values.database.password) }}true{{ end }}
{{- end }}

{{/* Whether the pod reads secrets from a Secret at all (else the embedded mode needs none). */}}
{{- define "switchboard.hasSecret" -}}
{{- if or .Values.secrets.existingSecret (include "switchboard.createSecret" .) }}true{{ end }}
{{- end }}

{{/* Whether an external database is configured; without one the pod runs an embedded PostgreSQL. */}}
{{- define "switchboard.externalDatabase" -}}
{{- if or .Values.secrets.existingSecret .Values.database.url }}true{{ end }}
{{- end }}

{{/*
Seconds Kubernetes waits after SIGTERM: the pre-stop pause (endpoints drain), then the gateway's own shutdown
timeout (streams in flight finish), then a margin for the JVM to exit.
*/}}
{{- define "switchboard.terminationGracePeriodSeconds" -}}
{{- add .Values.shutdown.preStopSleepSeconds .Values.shutdown.timeoutSeconds .Values.shutdown.exitMarginSeconds }}
{{- end }}
