// The KMIP 1.x lifecycle with OVHcloud's kmip-go client, printed as one JSON object of observations, the same steps
// and the same observation names as kmip_lifecycle.py (PyKMIP's client), so that the two clients can be compared.
//
// Usage: kmip-lifecycle HOST PORT CLIENT_CERT CLIENT_KEY CA [--rekey]
// Each step records what the server answered: a value, or "failed: " and the KMIP result reason in PyKMIP's
// spelling (PERMISSION_DENIED), so that both clients' observations compare one to one.
package main

import (
	"crypto/tls"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"regexp"
	"strings"

	"github.com/ovh/kmip-go"
	"github.com/ovh/kmip-go/kmipclient"
	"github.com/ovh/kmip-go/ttlv"
)

var reason = regexp.MustCompile(`reason="([A-Za-z]+)"`)
var wordStart = regexp.MustCompile(`([a-z0-9])([A-Z])`)

// failure turns kmip-go's "Operation ... failed (status=..., reason="PermissionDenied")" into PyKMIP's enum name.
func failure(err error) string {
	found := reason.FindStringSubmatch(err.Error())
	if found == nil {
		fmt.Fprintln(os.Stderr, "not a KMIP failure:", err)
		os.Exit(2)
	}
	return "failed: " + strings.ToUpper(wordStart.ReplaceAllString(found[1], "${1}_${2}"))
}

func main() {
	if len(os.Args) < 6 {
		fmt.Fprintln(os.Stderr, "usage: kmip-lifecycle HOST PORT CLIENT_CERT CLIENT_KEY CA [--rekey]")
		os.Exit(2)
	}
	// Go's default suites, plus the RSA key-exchange ones Go no longer offers by default: PyKMIP's server (the
	// baseline) speaks only those.
	suites := []uint16{tls.TLS_RSA_WITH_AES_128_CBC_SHA256, tls.TLS_RSA_WITH_AES_128_CBC_SHA,
		tls.TLS_RSA_WITH_AES_256_CBC_SHA}
	for _, suite := range tls.CipherSuites() {
		suites = append(suites, suite.ID)
	}
	client, err := kmipclient.Dial(net.JoinHostPort(os.Args[1], os.Args[2]),
		kmipclient.WithClientCertFiles(os.Args[3], os.Args[4]), kmipclient.WithRootCAFile(os.Args[5]),
		kmipclient.WithServerName(os.Args[1]), kmipclient.WithTlsCipherSuites(suites...))
	if err != nil {
		fmt.Fprintln(os.Stderr, "dial:", err)
		os.Exit(1)
	}
	defer client.Close()
	observed := map[string]any{}
	step := func(name string, action func() (any, error)) {
		value, err := action()
		if err != nil {
			observed[name] = failure(err)
		} else {
			observed[name] = value
		}
	}
	state := func(id string) (any, error) {
		found, err := client.GetAttributes(id, kmip.AttributeNameState).Exec()
		if err != nil {
			return nil, err
		}
		for _, attribute := range found.Attribute {
			if attribute.AttributeName == kmip.AttributeNameState {
				value, isState := attribute.AttributeValue.(kmip.State)
				if !isState {
					return fmt.Sprintf("not a state: %T", attribute.AttributeValue), nil
				}
				return strings.ToUpper(wordStart.ReplaceAllString(ttlv.EnumStr(value), "${1}_${2}")), nil
			}
		}
		return "no State attribute", nil
	}
	ok := func(err error) (any, error) { return "ok", err }

	created, err := client.Create().AES(256, kmip.CryptographicUsageEncrypt|kmip.CryptographicUsageDecrypt).
		WithName("lifecycle-key").Exec()
	if err != nil {
		fmt.Fprintln(os.Stderr, "create:", err)
		os.Exit(1)
	}
	id := created.UniqueIdentifier
	observed["create"] = "ok"
	step("state after create", func() (any, error) { return state(id) })
	step("get", func() (any, error) {
		got, err := client.Get(id).Exec()
		if err != nil {
			return nil, err
		}
		key, isKey := got.Object.(*kmip.SymmetricKey)
		if !isKey {
			return fmt.Sprintf("not a symmetric key: %T", got.Object), nil
		}
		material, err := key.KeyMaterial()
		if err != nil {
			return nil, err
		}
		return fmt.Sprintf("%s %d bits, %d bytes", strings.ToUpper(ttlv.EnumStr(key.KeyBlock.CryptographicAlgorithm)),
			key.KeyBlock.CryptographicLength, len(material)), nil
	})
	step("locate by name", func() (any, error) {
		located, err := client.Locate().WithName("lifecycle-key").Exec()
		if err != nil {
			return nil, err
		}
		return len(located.UniqueIdentifier) == 1 && located.UniqueIdentifier[0] == id, nil
	})
	step("activate", func() (any, error) { _, err := client.Activate(id).Exec(); return ok(err) })
	step("activate again", func() (any, error) { _, err := client.Activate(id).Exec(); return ok(err) })
	step("state after activate", func() (any, error) { return state(id) })
	step("destroy while active", func() (any, error) { _, err := client.Destroy(id).Exec(); return ok(err) })
	if len(os.Args) > 6 && os.Args[6] == "--rekey" {
		step("rekey", func() (any, error) {
			rekeyed, err := client.Rekey(id).Exec()
			if err != nil {
				return nil, err
			}
			return rekeyed.UniqueIdentifier != id, nil
		})
	}
	step("revoke", func() (any, error) {
		_, err := client.Revoke(id).WithRevocationReasonCode(kmip.RevocationReasonCodeCessationOfOperation).Exec()
		return ok(err)
	})
	step("state after revoke", func() (any, error) { return state(id) })
	step("destroy", func() (any, error) { _, err := client.Destroy(id).Exec(); return ok(err) })
	step("get after destroy", func() (any, error) { _, err := client.Get(id).Exec(); return ok(err) })
	registered, err := client.Register().SecretString(kmip.SecretDataTypePassword, "s3cr3t-value").Exec()
	if err != nil {
		fmt.Fprintln(os.Stderr, "register:", err)
		os.Exit(1)
	}
	step("register and get secret data", func() (any, error) {
		got, err := client.Get(registered.UniqueIdentifier).Exec()
		if err != nil {
			return nil, err
		}
		secret, isSecret := got.Object.(*kmip.SecretData)
		if !isSecret {
			return fmt.Sprintf("not secret data: %T", got.Object), nil
		}
		value, err := secret.Data()
		return string(value) == "s3cr3t-value", err
	})
	step("create DES", func() (any, error) {
		_, err := client.Create().SymmetricKey(kmip.CryptographicAlgorithmDES, 56, kmip.CryptographicUsageEncrypt).Exec()
		return ok(err)
	})
	out, _ := json.Marshal(observed)
	fmt.Println(string(out))
}
