package config

import "actwiz/internal/i18n"

var (
	msgUnreadable        = i18n.T("无法读取配置文件 %s：%v。", "Config file %s cannot be read: %v.")
	msgConfigFile        = i18n.T("配置文件 %s %s", "Config file %s %s")
	msgTooLarge          = i18n.T("配置文件 %s 超过 %d KiB，不是 actwiz 的配置文件。", "Config file %s is larger than %d KiB; it is not an actwiz config file.")
	msgDuplicateKey      = i18n.T("配置文件 %s 中设置项 %q 出现了两次（第二次在第 %d 行）；请只保留一个。", "Config file %s sets the key %q twice (the second time on line %d); keep one.")
	msgDuplicateKeyLines = i18n.T("配置文件 %s 中设置项 %q 出现了两次（第 %s 行和第 %s 行）；请只保留一个。", "Config file %s sets the key %q twice (lines %s and %s); keep one.")
	msgDuplicateKeyTOML  = i18n.T("配置文件 %s 中设置项 %q 出现了两次；请只保留一个。", "Config file %s sets the key %q twice; keep one.")
	msgIsFolder          = i18n.T("配置文件 %s 是一个文件夹；请给出 .yaml、.json 或 .toml 文件的路径。", "Config file %s is a folder; give the path of a .yaml, .json or .toml file.")
	msgBadExtension      = i18n.T("配置文件 %s 的类型无法识别；请使用 .yaml、.yml、.json 或 .toml 文件。", "Config file %s has an unknown type; use a .yaml, .yml, .json or .toml file.")
	msgNotSection        = i18n.T("配置文件 %s 中，%q 应该是一个包含 %s 的分组。", "Config file %s: %q must be a section holding %s.")
	msgUnknownKey        = i18n.T("配置文件 %s 中有未知的设置项 %q%s。可用的设置项：%s。", "Config file %s has an unknown key %q%s. Known keys: %s.")
	msgDidYouMean        = i18n.T("（是不是 %q？）", " (did you mean %q?)")
	msgWrongType         = i18n.T("%s应该是%s，而不是%s。", "%s must be %s, not %s.")
	msgWrongMember       = i18n.T("%s应该是%s：%s。", "%s must be %s: %s.")
	msgNotAllowed        = i18n.T("%s的值 %q 不允许；允许的值：%s。", "%s has the value %q; allowed: %s.")

	srcFlag    = i18n.T("参数 %s ", "The flag %s")
	srcEnv     = i18n.T("环境变量 %s ", "The environment variable %s")
	srcFile    = i18n.T("配置文件 %s 中的设置项 %q ", "In config file %s, the key %q")
	srcDefault = i18n.T("设置项 %q ", "The setting %q")
)
