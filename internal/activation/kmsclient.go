package activation

import (
	"context"
	"errors"
	"strings"

	"actwiz/checks"
	"actwiz/internal/activation/spp"
	"actwiz/internal/i18n"
	"actwiz/internal/machinetext"
)

// KMSClient is the CMGE profile's attempt when no activation command is
// configured: CMGE is a volume edition whose Windows product is a KMS
// client, and activating it is what slmgr /ato does, against the KMS host
// the machine names. A product that is not a KMS client is left alone.
type KMSClient struct {
	SPP SPP
}

// KMSClientChannel is the Description word of a KMS client product.
const KMSClientChannel = "VOLUME_KMSCLIENT"

var (
	msgNotKMSClient  = i18n.T("没有尝试激活：没有配置激活程序（activation.command），这台电脑的 Windows 也不是 KMS 客户端（%s），没有可以代为执行的激活。", "Not attempted: no activation program is configured (activation.command), and this PC's Windows is not a KMS client (%s), so there is no activation actwiz can run for it.")
	hintNotKMSClient = i18n.T("用激活客户端激活；要让 actwiz 代为运行它，在配置中设置 activation.command。", "Activate with the activation client; to have actwiz run it, set activation.command in the configuration.")
)

// Attempt activates the installed KMS client product; the serial is not
// used (a CMGE serial is no Windows product key).
func (k KMSClient) Attempt(ctx context.Context, _ string) checks.Result {
	var p spp.Product
	err := k.SPP.call(ctx, func(ctx context.Context) (err error) { p, err = k.SPP.Client.Product(ctx); return err })
	switch {
	case errors.Is(err, spp.ErrNotWindows):
		return checks.Result{ID: AttemptID, Status: checks.Skip, Detail: msgSPPNotWindows}
	case err != nil:
		return k.SPP.failure(ctx, checks.Result{ID: AttemptID}, opRead, err)
	}
	if !IsKMSClient(p) {
		channel := machinetext.Escape(strings.TrimSpace(p.Description))
		if channel == "" {
			channel = "no description"
		}
		return checks.Result{ID: AttemptID, Status: checks.Skip, Observed: "not a KMS client: " + channel,
			Detail: msgNotKMSClient.F(channel), Hint: hintNotKMSClient}
	}
	return k.SPP.Attempt(ctx, "")
}

// IsKMSClient reports whether a product is a volume licence activated by
// a KMS host.
func IsKMSClient(p spp.Product) bool {
	return strings.Contains(strings.ToUpper(p.Description), KMSClientChannel)
}
