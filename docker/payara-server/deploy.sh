#!/usr/bin/env bash
# Deploys okpay.ear on a running Payara Server 6 domain with asadmin (README "Deploying", Payara Server), then waits
# until OKPay is ready. Safe to run again: it updates what exists and redeploys (a new EAR, changed settings).
#
#   OKPAY_EAR=ear/target/okpay.ear DB_URL=… DB_PASSWORD=… OKPAY_MASTER_KEY=… docker/payara-server/deploy.sh
#
# Where: ASADMIN (asadmin on the PATH), PAYARA_ADMIN_HOST (localhost), PAYARA_ADMIN_PORT (4848), PAYARA_ADMIN_USER
# (admin), PAYARA_ADMIN_PASSWORD (none: a domain made with --nopassword), PAYARA_TARGET (server: the DAS; or a
# deployment group), OKPAY_READY_URL (http://localhost:8080/health/ready), OKPAY_READY_TIMEOUT (seconds, 180).
#
# OKPay's datasource (java:app/jdbc/okpay, a pool of its own with the MariaDB driver from the EAR) and its mail read
# MicroProfile Config, so the settings go where Payara Server's MicroProfile Config finds them:
# - secrets (the variables in SECRETS below) become password aliases named after their key; Payara's "password"
#   config source reads them. Their values travel in a password file readable by this user only, never in the
#   arguments of a process, and the domain stores them encrypted in its alias store, not in domain.xml;
# - other settings (SETTINGS below, and every line key=value of the file OKPAY_PROPERTIES) become system
#   properties of the domain (every instance of it inherits them), which rank above the EAR's own defaults.
# A variable that is not set leaves its setting as the domain has it.
set -euo pipefail

ear=${OKPAY_EAR:?OKPAY_EAR: the path of okpay.ear}
asadmin=${ASADMIN:-asadmin}
target=${PAYARA_TARGET:-server}
ready_url=${OKPAY_READY_URL:-http://localhost:8080/health/ready}
ready_timeout=${OKPAY_READY_TIMEOUT:-180}

# Configuration key = environment variable (README "Configuration").
SECRETS=(
    db.password=DB_PASSWORD
    db.migration.password=DB_MIGRATION_PASSWORD
    smtp.password=SMTP_PASSWORD
    okpay.master-key=OKPAY_MASTER_KEY
    okpay.card.api-key=OKPAY_CARD_API_KEY
    okpay.sms.http.token=OKPAY_SMS_HTTP_TOKEN
    okpay.support.imap.password=OKPAY_SUPPORT_IMAP_PASSWORD
)
SETTINGS=(
    db.url=DB_URL
    db.user=DB_USER
    db.migration.user=DB_MIGRATION_USER
    smtp.host=SMTP_HOST
    smtp.port=SMTP_PORT
    smtp.username=SMTP_USERNAME
    smtp.starttls=SMTP_STARTTLS
    smtp.from=SMTP_FROM
    okpay.base-url=OKPAY_BASE_URL
    okpay.card.gateway-url=OKPAY_CARD_GATEWAY_URL
    okpay.sms.gateway=OKPAY_SMS_GATEWAY
    okpay.sms.http.url=OKPAY_SMS_HTTP_URL
)

[ -f "$ear" ] || { echo "deploy: $ear is not a file" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 700 "$work"

# A password file per call: the admin password and, for an alias, its value (java.util.Properties: \ doubled).
password_file() {
    local file=$work/passwords
    : > "$file"
    chmod 600 "$file"
    if [ -n "${PAYARA_ADMIN_PASSWORD:-}" ]; then
        printf 'AS_ADMIN_PASSWORD=%s\n' "${PAYARA_ADMIN_PASSWORD//\\/\\\\}" >> "$file"
    fi
    if [ $# -gt 0 ]; then
        printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "${1//\\/\\\\}" >> "$file"
    fi
    echo "$file"
}

run() {
    "$asadmin" --host "${PAYARA_ADMIN_HOST:-localhost}" --port "${PAYARA_ADMIN_PORT:-4848}" \
        --user "${PAYARA_ADMIN_USER:-admin}" --passwordfile "$(password_file "${secret_value[@]}")" "$@"
}

secret_value=()
aliases=$(run list-password-aliases)
for pair in "${SECRETS[@]}"; do
    key=${pair%%=*} variable=${pair#*=}
    [ -n "${!variable:-}" ] || continue
    secret_value=("${!variable}")
    if grep -qxF "$key" <<< "$aliases"; then
        run update-password-alias "$key" > /dev/null
    else
        run create-password-alias "$key" > /dev/null
    fi
    echo "deploy: $key set (password alias)"
done
secret_value=()

# create-system-properties takes name=value:name=value; a value's \, : and = are escaped with a backslash.
escape() {
    local value=${1//\\/\\\\}
    value=${value//:/\\:}
    printf '%s' "${value//=/\\=}"
}
properties=()
for pair in "${SETTINGS[@]}"; do
    key=${pair%%=*} variable=${pair#*=}
    if [ -n "${!variable:-}" ]; then
        properties+=("$key=$(escape "${!variable}")")
    fi
done
if [ -n "${OKPAY_PROPERTIES:-}" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
        line=${line%$'\r'}
        case "$line" in ''|'#'*) continue ;; esac
        properties+=("${line%%=*}=$(escape "${line#*=}")")
    done < "$OKPAY_PROPERTIES"
fi
if [ ${#properties[@]} -gt 0 ]; then
    joined=$(IFS=:; echo "${properties[*]}")
    run create-system-properties --target domain "$joined" > /dev/null
    echo "deploy: ${#properties[@]} settings set (system properties of the domain)"
fi

# --force redeploys an EAR already there; OKPay migrates its schema while it starts. Availability keeps the sessions
# in Payara's data grid, so that the instances of a deployment group share them (web.xml is distributable).
run deploy --force=true --availabilityenabled=true --name okpay --target "$target" "$ear"

deadline=$((SECONDS + ready_timeout))
until status=$(curl -s -o "$work/ready" -w '%{http_code}' "$ready_url") && [ "$status" = 200 ]; do
    if [ $SECONDS -ge $deadline ]; then
        echo "deploy: $ready_url not ready after ${ready_timeout}s: ${status:-no answer} $(cat "$work/ready" 2>/dev/null)" >&2
        exit 1
    fi
    sleep 2
done
echo "deploy: OKPay is ready at $ready_url"
