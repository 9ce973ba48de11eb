package checks

import "actwiz/internal/i18n"

// Messages of the hardware checks. Chinese is written for the Chinese user
// first, in the words of the vendor's table (序列号, 主板, 在根容器中), not as
// a word-by-word translation.
var (
	msgNotRead  = i18n.T("无法读取%s：%s。", "The %s could not be read: %s.")
	msgNoValue  = i18n.T("没有返回任何值", "no value was returned")
	hintNotRead = i18n.T(
		"1. 关闭本工具，右键选择“以管理员身份运行”（Linux 下用 sudo）后再试一次。\n2. 如果仍然读不到，请收集日志发给客服，并告诉客服这一项“未知”。",
		"1. Close actwiz and run it again as administrator (right-click → Run as administrator; on Linux, with sudo).\n2. If it still cannot be read, collect the logs and send them to support, saying this item is \"unknown\".")

	msgSerialOK          = i18n.T("%s已写入，格式正常。", "The %s is set and looks valid.")
	msgSerialEmpty       = i18n.T("%s为空。激活客户端会拒绝发送激活请求，然后只显示“服务器错误”。", "The %s is empty. The activation client refuses to send the request and then only says \"server error\".")
	msgSerialPlaceholder = i18n.T("%s是出厂占位值“%s”，不是真正的序列号。激活客户端会拒绝发送激活请求，然后只显示“服务器错误”。", "The %s is the factory placeholder \"%s\", not a real serial. The activation client refuses to send the request and then only says \"server error\".")
	msgSerialVirtual     = i18n.T("%s看起来是虚拟机生成的。克隆出来的虚拟机会带着相同的序列号。", "The %s looks like a virtual machine's. Cloned virtual machines carry the same serial.")
	hintWriteSerial      = i18n.T(
		"这台电脑的 BIOS 里没有写入真正的序列号，需要由厂商写入：\n1. 品牌机（联想、戴尔、惠普、华为等）：联系厂商售后，报上机器型号和主机编号，请他们用 DMI 工具写入序列号。\n2. 组装机或白牌机：向主板厂商或经销商索取 DMI 工具（如 AMI 的 AMIDEWIN），写入一个唯一的序列号。\n3. 写入并重启后，重新运行 actwiz 确认这一项通过，再激活。",
		"This PC's BIOS has no real serial number; its maker has to write one:\n1. Brand PC (Lenovo, Dell, HP, Huawei…): call the maker's service line with the model and machine number and ask them to write the serial with their DMI tool.\n2. Assembled or white-box PC: ask the board maker or reseller for their DMI tool (such as AMI's AMIDEWIN) and write a unique serial.\n3. Restart, run actwiz again to see this item pass, then activate.")
	msgFirmwareDiffers  = i18n.T("但电脑固件的 SMBIOS 表中的%s是“%s”，与 WMI 读到的不同：WMI 保存的是旧值。", "But the firmware's SMBIOS table has the %s as \"%s\", which differs from what WMI reports: WMI's copy is stale.")
	hintFirmwareDiffers = i18n.T(
		"激活客户端通过 WMI 读取序列号，会读到旧值：\n1. 重启电脑，再运行 actwiz，看两个值是否一致。\n2. 仍不一致时，以管理员身份运行 winmgmt /verifyrepository；显示“不一致”时运行 winmgmt /salvagerepository 并重启。\n3. 仍然不同，把日志发给客服。",
		"The activation client reads the serial through WMI and will get the old value:\n1. Restart the PC and run actwiz again to see whether the two agree.\n2. If not, run winmgmt /verifyrepository as administrator; if it reports inconsistent, run winmgmt /salvagerepository and restart.\n3. If they still differ, send the logs to support.")
	msgFirmwareOnly          = i18n.T("（这个值直接读自电脑固件的 SMBIOS 表；WMI 读不到：%[2]s。）", "(This value was read from the firmware's SMBIOS table directly; WMI could not give it: %[2]s.)")
	msgWMIBrokenFirmwareFine = i18n.T("电脑固件中的%s没有问题（直接读自 SMBIOS 表），问题在 WMI：%s。激活客户端也通过 WMI 读取它，所以修好 WMI 之前同样无法激活。", "The %s in the firmware is fine (read from the SMBIOS table directly); WMI is the problem: %s. The activation client reads it through WMI too, so it cannot activate until WMI is fixed.")
	hintVirtualSerial        = i18n.T(
		"如果这是克隆出来的虚拟机，请在虚拟化平台上给每台虚拟机设置不同的序列号，否则激活服务器会把它们当成同一台机器。",
		"If this virtual machine was cloned, give each clone its own serial in the hypervisor's settings; otherwise the activation server counts them as one machine.")
)

var (
	msgNoDisks  = i18n.T("没有读到任何硬盘。", "No disk was found.")
	hintNoDisks = i18n.T(
		"1. 以管理员身份重新运行 actwiz。\n2. 如果仍然没有硬盘，检查设备管理器的“磁盘驱动器”里是否有硬盘，并把日志发给客服。",
		"1. Run actwiz again as administrator.\n2. If no disk shows up still, check \"Disk drives\" in Device Manager and send the logs to support.")
	msgDiskSerialOK    = i18n.T("%d 块硬盘的序列号都不超过 64 个字节。", "The serials of all %d disk(s) are at most 64 bytes.")
	msgDiskSerialLong  = i18n.T("硬盘 %s 的序列号有 %d 个字节，超过了 64 个字节的限制，激活客户端不会发送激活请求。", "Disk %s reports a serial of %d bytes, over the 64-byte limit: the activation client will not send the request.")
	hintDiskSerialLong = i18n.T(
		"序列号过长通常是硬盘控制器或驱动造成的（RAID 模式、部分 NVMe 驱动、USB 转接盒）：\n1. 在设备管理器中把“存储控制器”的驱动更新为电脑厂商提供的版本。\n2. 如果 BIOS 中硬盘模式是 RAID，请由技术人员评估后改为 AHCI（改动前先备份，改错可能无法启动）。\n3. 仍然过长时，把日志发给客服，说明“硬盘序列号超过 64 字节”。",
		"A serial this long usually comes from the disk controller or its driver (RAID mode, some NVMe drivers, a USB enclosure):\n1. In Device Manager, update the \"Storage controllers\" driver to the PC maker's version.\n2. If the BIOS runs the disks in RAID mode, have a technician consider AHCI (back up first: a wrong change can stop Windows from starting).\n3. If it is still too long, send the logs to support and say \"disk serial over 64 bytes\".")
	msgDiskSerialEmpty  = i18n.T("硬盘 %s 的序列号为空。", "Disk %s reports an empty serial.")
	hintDiskSerialEmpty = i18n.T(
		"空序列号通常来自虚拟硬盘或 USB 转接盒。请在设备管理器中更新硬盘驱动；如果激活失败，把日志发给客服。",
		"An empty serial usually comes from a virtual disk or a USB enclosure. Update the disk driver in Device Manager; if activation fails, send the logs to support.")
	msgDiskSerialPadded  = i18n.T("硬盘 %s 的序列号连同空格有 %d 个字节，去掉空格后是 %d 个字节。", "Disk %s reports a serial of %d bytes with its padding, %d without.")
	hintDiskSerialPadded = i18n.T(
		"去掉空格后没有超限，但有的激活客户端版本不会去掉空格。如果激活失败，请更新硬盘驱动，或使用客服提供的新版激活客户端。",
		"Without the padding it is within the limit, but some versions of the activation client do not strip it. If activation fails, update the disk driver or use the newer activation client support provides.")

	msgSystemDiskRemovable  = i18n.T("系统所在的硬盘 %s 是可移动硬盘：%s。", "The disk holding Windows, %s, is removable: %s.")
	msgAllDisksRemovable    = i18n.T("所有硬盘都是可移动硬盘（“在根容器中”为“假”，或在无法读取该属性时接在 USB 上、媒体类型为外接或可移动）。", "Every disk is removable (not \"In root container\", or, where that could not be read, on USB or external/removable media).")
	hintSystemDiskRemovable = i18n.T(
		"激活要求系统装在电脑内部的硬盘上：\n1. 如果系统是从 U 盘或移动硬盘启动的，请把系统装到电脑内置硬盘上再激活。\n2. 如果硬盘本来就在机箱内部，请在 BIOS 中关闭该硬盘接口的“热插拔”（Hot Plug）选项，重启后再试。",
		"Activation needs Windows on a disk inside the PC:\n1. If Windows starts from a USB stick or an external disk, install it on the internal disk, then activate.\n2. If the disk really is inside the case, turn off \"Hot Plug\" for its port in the BIOS, restart and try again.")
	msgOtherDisksRemovable = i18n.T("系统硬盘没有问题，但还接着 %d 块可移动硬盘。", "The system disk is fine, but %d removable disk(s) are attached.")
	msgSomeDisksRemovable  = i18n.T("%[1]d 块硬盘中有 %[2]d 块是可移动硬盘，无法确定系统装在哪块硬盘上。", "%[2]d of %[1]d disks are removable, and which disk holds Windows is not known.")
	// The facts that made a disk removable, exactly as read.
	msgNotInRootContainer = i18n.T("设备管理器中“在根容器中”为“假”", "\"In root container\" is False in Device Manager")
	msgOnUSB              = i18n.T("“在根容器中”无法读取，而它接在 USB 上", "\"In root container\" could not be read, and it is on USB")
	msgMediaType          = i18n.T("“在根容器中”无法读取，而它的媒体类型是“%s”", "\"In root container\" could not be read, and its media type is \"%s\"")
	// Not known: the container was not read and nothing else decides.
	msgSystemDiskNotKnown = i18n.T("系统所在硬盘 %s 的“在根容器中”属性（接口和媒体类型不能说明它是否可移动）", "\"In root container\" property of the disk holding Windows, %s (its interface and media type do not say whether it is removable)")
	msgDisksNotKnown      = i18n.T("%[1]d 块硬盘中 %[2]d 块的“在根容器中”属性（接口和媒体类型不能说明它们是否可移动，也不知道系统装在哪块硬盘上）", "\"In root container\" property of %[2]d of %[1]d disks (their interface and media type do not say whether they are removable, and which disk holds Windows is not known)")
	hintContainerNotRead  = i18n.T(
		"可以手动查看：打开设备管理器 → “磁盘驱动器”（网卡在“网络适配器”）→ 右键该设备 →“属性”→“详细信息”→ 在“属性”中选择“在根容器中”。值为“真”即为内置设备。\n如果是“假”，或者仍无法确定，请收集日志发给客服，并告诉客服这一项“未知”。",
		"Look it up by hand: Device Manager → \"Disk drives\" (adapters: \"Network adapters\") → right-click the device → Properties → Details → choose \"In root container\" under Property. True means it is built in.\nIf it is False, or still cannot be told, collect the logs and send them to support, saying this item is \"unknown\".")
	hintUnplugRemovable = i18n.T(
		"激活前请拔掉 U 盘、移动硬盘等外接存储设备，然后重新检查。",
		"Unplug USB sticks and external disks before activating, then check again.")
	msgSystemDiskFixed = i18n.T("系统所在的硬盘 %s 是内置硬盘，没有接可移动硬盘。", "Windows is on the internal disk %s and no removable disk is attached.")
	msgNoDiskRemovable = i18n.T("没有可移动硬盘。", "No disk is removable.")
)

var (
	msgNICPresent     = i18n.T("有 %d 个物理网卡已启用并有 MAC 地址。", "%d physical adapter(s) are enabled and have a MAC address.")
	msgNoPhysicalNIC  = i18n.T("没有找到物理网卡，只有虚拟网卡（VPN、虚拟机、蓝牙等）。", "No physical network adapter was found, only virtual ones (VPN, virtual machine, Bluetooth…).")
	hintNoPhysicalNIC = i18n.T(
		"1. 打开设备管理器，查看“网络适配器”下有没有有线或无线网卡；如有黄色感叹号，请安装电脑厂商提供的网卡驱动。\n2. 如果网卡在 BIOS 中被关闭（Onboard LAN），请在 BIOS 中打开。\n3. 然后重新检查。",
		"1. Open Device Manager and look under \"Network adapters\" for a wired or wireless adapter; if it shows a yellow mark, install the PC maker's network driver.\n2. If the adapter is turned off in the BIOS (Onboard LAN), turn it on there.\n3. Then check again.")
	msgNICsDisabled = i18n.T("有物理网卡，但都被禁用了或没有 MAC 地址。", "There are physical adapters, but all are disabled or have no MAC address.")
	hintEnableNIC   = i18n.T(
		"1. 打开“设置 → 网络和 Internet → 更改适配器选项”（或控制面板的“网络连接”），右键被禁用的有线或无线网卡，选择“启用”。\n2. 如果设备管理器中网卡显示向下的箭头，右键选择“启用设备”。\n3. 然后重新检查。",
		"1. Open Settings → Network & Internet → Change adapter options (or Network Connections in Control Panel), right-click the disabled wired or wireless adapter and choose Enable.\n2. If Device Manager shows the adapter with a down arrow, right-click it and choose Enable device.\n3. Then check again.")
	msgNICFixedSkipped = i18n.T("“%s”一项没有通过，跳过此项。", "Skipped: \"%s\" did not pass.")
	msgNICFixed        = i18n.T("至少一个可用的物理网卡在电脑内部（“在根容器中”为“真”）。", "At least one usable physical adapter is inside the PC (\"In root container\" is True).")
	msgNICsNotKnown    = i18n.T("不在 USB 上的可用物理网卡的“在根容器中”属性（不在 USB 上并不能说明它们是内置网卡）", "\"In root container\" property of the usable physical adapters not on USB (not being on USB does not say they are built in)")
	msgNICRemovable    = i18n.T("可用的物理网卡都是可移动网卡（USB 网卡等）。", "Every usable physical adapter is removable (a USB adapter or similar).")
	hintNICRemovable   = i18n.T(
		"激活要求至少一个电脑内置的网卡已启用：\n1. 启用电脑自带的有线或无线网卡（见设备管理器“网络适配器”）。\n2. 内置网卡被 BIOS 关闭时，在 BIOS 中打开它。\n3. 激活时可以拔掉 USB 网卡。",
		"Activation needs an enabled adapter built into the PC:\n1. Enable the PC's own wired or wireless adapter (Device Manager → Network adapters).\n2. If the BIOS turned it off, turn it on there.\n3. The USB adapter can be unplugged while activating.")
)
