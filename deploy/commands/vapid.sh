#!/usr/bin/env bash
# ./clinic vapid — the VAPID key pair notification-service signs Web Push with (RFC 8292).
#
#   ./clinic vapid            make the pair once (kept in .yavka/keys/vapid.env) and show the public key
#   ./clinic vapid --rotate   make a new pair; every staff device must turn notifications on again
#   ./clinic vapid --print    print a new pair as env lines (for a Kubernetes Secret), store nothing
#
# The keys are raw P-256 values, base64url: the public key is the uncompressed point browsers
# take as applicationServerKey, the private key the 32-byte scalar. notification-service reads
# YAVKA_VAPID_PUBLIC_KEY, YAVKA_VAPID_PRIVATE_KEY and YAVKA_VAPID_SUBJECT from its environment.
set -euo pipefail

YAVKA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=deploy/local/lib.sh
source "$YAVKA_ROOT/deploy/local/lib.sh"

FILE="$YAVKA_KEYS/vapid.env"
SUBJECT="${YAVKA_VAPID_SUBJECT:-mailto:admin@yavka.local}"
mode="${1:-}"
case "$mode" in
  "" | --rotate | --print) ;;
  -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) die "usage: ./clinic vapid [--rotate | --print]" ;;
esac

command -v java >/dev/null || die "Java not found; install JDK 17+ with 'apt-get install openjdk-17-jdk-headless'"

# Only the JDK: a P-256 pair, written out as the raw values web-push and browsers use.
generate() {
  local src
  src="$(mktemp -d)/VapidKeyGen.java"
  cat >"$src" <<'JAVA'
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

public class VapidKeyGen {
    public static void main(String[] args) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        ECPublicKey pub = (ECPublicKey) pair.getPublic();
        byte[] point = new byte[65];
        point[0] = 4;
        System.arraycopy(fixed(pub.getW().getAffineX()), 0, point, 1, 32);
        System.arraycopy(fixed(pub.getW().getAffineY()), 0, point, 33, 32);
        byte[] scalar = fixed(((ECPrivateKey) pair.getPrivate()).getS());
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        System.out.println("YAVKA_VAPID_PUBLIC_KEY=" + b64.encodeToString(point));
        System.out.println("YAVKA_VAPID_PRIVATE_KEY=" + b64.encodeToString(scalar));
    }

    /** An unsigned big-endian value in exactly 32 bytes. */
    static byte[] fixed(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return out;
    }
}
JAVA
  java "$src"
  rm -rf "$(dirname "$src")"
}

if [[ "$mode" == --print ]]; then
  generate
  echo "YAVKA_VAPID_SUBJECT=$SUBJECT"
  exit 0
fi

mkdir -p "$YAVKA_KEYS"
chmod 700 "$YAVKA_KEYS"
if [[ -s "$FILE" && "$mode" != --rotate ]]; then
  info "vapid: keeping the pair in $FILE (./clinic vapid --rotate makes a new one)"
else
  [[ ! -s "$FILE" ]] || info "vapid: rotating; staff must turn notifications on again on each device"
  (
    umask 077
    {
      echo "# VAPID key pair for notification-service (./clinic vapid); the private key is a secret"
      generate
      echo "YAVKA_VAPID_SUBJECT=$SUBJECT"
    } >"$FILE.next"
  )
  mv "$FILE.next" "$FILE"
  info "vapid: made a new pair in $FILE"
fi
grep '^YAVKA_VAPID_PUBLIC_KEY=' "$FILE" | sed 's/^YAVKA_VAPID_PUBLIC_KEY=/public key: /'
info "notification-service takes it from its environment: set -a; source $FILE; set +a"
