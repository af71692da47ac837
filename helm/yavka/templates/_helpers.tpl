{{/*
Names, labels and the pieces every service pod shares. Templates call these with
(dict "root" $ "name" $serviceName "svc" $serviceValues) where a service is involved.
*/}}

{{- define "yavka.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "yavka.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Name of a service's objects: <fullname>-<service>. */}}
{{- define "yavka.serviceFullname" -}}
{{- printf "%s-%s" (include "yavka.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "yavka.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels of every object of the release. */}}
{{- define "yavka.labels" -}}
helm.sh/chart: {{ include "yavka.chart" . }}
app.kubernetes.io/part-of: yavka
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}

{{/* Selector of every pod of the release (services and migration jobs). */}}
{{- define "yavka.releaseSelector" -}}
app.kubernetes.io/part-of: yavka
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Selector of one service's pods. */}}
{{- define "yavka.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: service
{{- end -}}

{{- define "yavka.serviceLabels" -}}
{{ include "yavka.labels" .root }}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/component: service
{{- end -}}

{{/* Image of a service: <registry>/<repository>:<tag>. */}}
{{- define "yavka.image" -}}
{{- $img := .svc.image | default dict -}}
{{- $repo := required (printf "services.%s.image.repository is required" .name) $img.repository -}}
{{- $tag := $img.tag | default .root.Values.image.tag | default .root.Chart.AppVersion -}}
{{- if .root.Values.image.registry -}}
{{- printf "%s/%s:%s" (trimSuffix "/" .root.Values.image.registry) $repo $tag -}}
{{- else -}}
{{- printf "%s:%s" $repo $tag -}}
{{- end -}}
{{- end -}}

{{/* The Secret that holds a secret item: the item's own secretName, else existingSecret, else <fullname>-secrets. */}}
{{- define "yavka.secretName" -}}
{{- $item := index .root.Values.secrets.items .item | default dict -}}
{{- $item.secretName | default .root.Values.secrets.existingSecret | default (printf "%s-secrets" (include "yavka.fullname" .root)) -}}
{{- end -}}

{{/* Service port variable name and the in-cluster URL of a service. */}}
{{- define "yavka.serviceUrl" -}}
{{- printf "http://%s:%v" (include "yavka.serviceFullname" .) .svc.port -}}
{{- end -}}

{{/* Whether the triage model volume is mounted into this service. */}}
{{- define "yavka.hasModel" -}}
{{- if and (eq .name "triage-service") (ne .root.Values.triageModel.source "none") -}}true{{- end -}}
{{- end -}}

{{/*
Settings every service gets (the common ConfigMap), as a YAML map of environment variables.
*/}}
{{- define "yavka.commonConfig" -}}
{{- $root := . -}}
{{- $cfg := dict -}}
{{- $_ := set $cfg "YAVKA_KAFKA_BOOTSTRAP" (required "kafka.bootstrapServers is required" .Values.kafka.bootstrapServers) -}}
{{- $_ := set $cfg "KAFKA_BOOTSTRAP_SERVERS" .Values.kafka.bootstrapServers -}}
{{- $_ := set $cfg "YAVKA_KAFKA_TOPIC_PREFIX" (.Values.kafka.topicPrefix | default "") -}}
{{- $_ := set $cfg "YAVKA_KAFKA_GROUP_PREFIX" (.Values.kafka.groupPrefix | default "") -}}
{{- $_ := set $cfg "YAVKA_REDIS_URL" (required "redis.url is required" .Values.redis.url) -}}
{{- $_ := set $cfg "YAVKA_REDIS_KEY_PREFIX" (.Values.redis.keyPrefix | default "") -}}
{{- $_ := set $cfg "YAVKA_CHROMA_URL" (required "chromadb.url is required" .Values.chromadb.url) -}}
{{- $_ := set $cfg "YAVKA_DB_USER" (required "postgresql.user is required" .Values.postgresql.user) -}}
{{- $_ := set $cfg "YAVKA_JWT_ISSUER" (required "common.jwtIssuer is required" .Values.common.jwtIssuer) -}}
{{- $_ := set $cfg "MP_JWT_VERIFY_ISSUER" .Values.common.jwtIssuer -}}
{{- $_ := set $cfg "MP_JWT_VERIFY_PUBLICKEY_LOCATION" (printf "%s/%s" .Values.secretFilesMountPath .Values.secrets.items.jwtPublicKey.key) -}}
{{- range $name, $svc := .Values.services -}}
{{- if $svc.enabled -}}
{{- $_ := set $cfg (printf "YAVKA_%s_URL" $svc.envPrefix) (include "yavka.serviceUrl" (dict "root" $root "name" $name "svc" $svc)) -}}
{{- end -}}
{{- end -}}
{{- range $k, $v := .Values.common.config -}}
{{- $_ := set $cfg $k (toString $v) -}}
{{- end -}}
{{- toYaml $cfg -}}
{{- end -}}

{{/*
A service's own settings (its ConfigMap), as a YAML map of environment variables.
*/}}
{{- define "yavka.serviceConfig" -}}
{{- $root := .root -}}
{{- $svc := .svc -}}
{{- $p := $svc.envPrefix -}}
{{- $cfg := dict -}}
{{- $_ := set $cfg (printf "YAVKA_%s_PORT" $p) (toString $svc.port) -}}
{{- $_ := set $cfg "QUARKUS_HTTP_PORT" (toString $svc.port) -}}
{{- if $svc.managementPort -}}
{{- $_ := set $cfg "QUARKUS_MANAGEMENT_PORT" (toString $svc.managementPort) -}}
{{- end -}}
{{- if $svc.database -}}
{{- $pg := $root.Values.postgresql -}}
{{- $base := printf "%s:%v/%s" (required "postgresql.host is required" $pg.host) $pg.port $svc.database -}}
{{- $_ := set $cfg (printf "YAVKA_%s_DB_REACTIVE_URL" $p) (printf "postgresql://%s%s" $base (ternary (printf "?%s" $pg.reactiveParameters) "" (not (empty $pg.reactiveParameters)))) -}}
{{- $_ := set $cfg (printf "YAVKA_%s_DB_JDBC_URL" $p) (printf "jdbc:postgresql://%s%s" $base (ternary (printf "?%s" $pg.jdbcParameters) "" (not (empty $pg.jdbcParameters)))) -}}
{{- if $root.Values.migrations.enabled -}}
{{- /* The pre-install/pre-upgrade Job migrates; replicas never race Flyway at start. */ -}}
{{- $_ := set $cfg "QUARKUS_FLYWAY_MIGRATE_AT_START" "false" -}}
{{- end -}}
{{- end -}}
{{- if include "yavka.hasModel" . -}}
{{- $_ := set $cfg $root.Values.triageModel.envVar $root.Values.triageModel.mountPath -}}
{{- end -}}
{{- if and (eq .name "telegram-gateway") $root.Values.ingress.enabled $root.Values.ingress.telegramWebhook.enabled -}}
{{- $wh := $root.Values.ingress.telegramWebhook -}}
{{- $_ := set $cfg "YAVKA_TELEGRAM_WEBHOOK_URL" (printf "https://%s%s" $wh.host $wh.path) -}}
{{- end -}}
{{- range $k, $v := $svc.secretFiles -}}
{{- $item := index $root.Values.secrets.items $v | default dict -}}
{{- $_ := set $cfg $k (printf "%s/%s" $root.Values.secretFilesMountPath (required (printf "secrets.items.%s is not defined" $v) $item.key)) -}}
{{- end -}}
{{- range $k, $v := $svc.config -}}
{{- $_ := set $cfg $k (toString $v) -}}
{{- end -}}
{{- toYaml $cfg -}}
{{- end -}}

{{/* Environment variables taken from secrets: the DB password (services with a database) and secretEnv. */}}
{{- define "yavka.secretEnv" -}}
{{- $root := .root -}}
{{- $env := dict -}}
{{- if .svc.database -}}
{{- $_ := set $env "YAVKA_DB_PASSWORD" "dbPassword" -}}
{{- end -}}
{{- range $k, $v := .svc.secretEnv -}}
{{- $_ := set $env $k $v -}}
{{- end -}}
{{- range $k := keys $env | sortAlpha }}
{{- $itemName := index $env $k -}}
{{- $item := required (printf "secrets.items.%s is not defined" $itemName) (index $root.Values.secrets.items $itemName) }}
- name: {{ $k }}
  valueFrom:
    secretKeyRef:
      name: {{ include "yavka.secretName" (dict "root" $root "item" $itemName) }}
      key: {{ $item.key }}
      optional: {{ $item.optional | default false }}
{{- end -}}
{{- end -}}

{{/* The projected volume of key files: the JWT verification key for all, plus the service's secretFiles. */}}
{{- define "yavka.secretFilesVolume" -}}
{{- $root := .root -}}
{{- $items := list "jwtPublicKey" -}}
{{- range $k, $v := .svc.secretFiles -}}
{{- $items = append $items $v -}}
{{- end -}}
- name: secret-files
  projected:
    defaultMode: 288  # 0440
    sources:
{{- range $itemName := $items | uniq }}
{{- $item := index $root.Values.secrets.items $itemName }}
      - secret:
          name: {{ include "yavka.secretName" (dict "root" $root "item" $itemName) }}
          items:
            - key: {{ $item.key }}
              path: {{ $item.key }}
{{- end -}}
{{- end -}}

{{/* Pod-level fields shared by the Deployments and the migration Jobs. */}}
{{- define "yavka.podCommon" -}}
{{- with .root.Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
automountServiceAccountToken: false
securityContext:
  {{- toYaml .root.Values.podSecurityContext | nindent 2 }}
{{- with .root.Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .root.Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .root.Values.priorityClassName }}
priorityClassName: {{ . }}
{{- end }}
{{- end -}}

{{/* Volumes every pod has: /tmp and the key files. */}}
{{- define "yavka.baseVolumes" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .svc.tmpSizeLimit | default .root.Values.tmpVolume.sizeLimit }}
{{ include "yavka.secretFilesVolume" . }}
{{- with .root.Values.extraVolumes }}
{{ toYaml . }}
{{- end }}
{{- with .svc.extraVolumes }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "yavka.baseVolumeMounts" -}}
- name: tmp
  mountPath: /tmp
- name: secret-files
  mountPath: {{ .root.Values.secretFilesMountPath }}
  readOnly: true
{{- with .root.Values.extraVolumeMounts }}
{{ toYaml . }}
{{- end }}
{{- with .svc.extraVolumeMounts }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Hash of a service's configuration, so that a changed setting rolls its pods. */}}
{{- define "yavka.configChecksum" -}}
{{- printf "%s\n%s" (include "yavka.commonConfig" .root) (include "yavka.serviceConfig" .) | sha256sum -}}
{{- end -}}
