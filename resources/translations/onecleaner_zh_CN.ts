<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>AboutTab</name>
        <message>
            <source>Finds and removes cache, temporary and other regenerable junk, safely and fast. It never opens a network connection.</source>
            <translation>安全、快速地查找并删除缓存、临时文件和其他可再生的垃圾文件。它从不建立任何网络连接。</translation>
        </message>
        <message>
            <source>About</source>
            <translation>关于</translation>
        </message>
        <message>
            <source>Open the data &amp;folder</source>
            <translation>打开数据文件夹(&amp;F)</translation>
        </message>
        <message>
            <source>Licence:</source>
            <translation>许可：</translation>
        </message>
        <message>
            <source>Privacy:</source>
            <translation>隐私：</translation>
        </message>
        <message>
            <source>Your data:</source>
            <translation>您的数据：</translation>
        </message>
        <message>
            <source>Help</source>
            <translation>帮助</translation>
        </message>
        <message>
            <source>Scan the ticked items</source>
            <translation>扫描已勾选的项目</translation>
        </message>
        <message>
            <source>Clean what the scan found (you confirm first)</source>
            <translation>清理扫描找到的内容（先由您确认）</translation>
        </message>
        <message>
            <source>Cancel a running scan or clean</source>
            <translation>取消正在进行的扫描或清理</translation>
        </message>
        <message>
            <source>Export the last results</source>
            <translation>导出上次的结果</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>Home cleans the safe caches in one click. Clean lets you choose the items, scan, review each file and clean. History shows what was cleaned and can put back what went to the trash. The command line does the same: run &lt;b&gt;onecleaner --help&lt;/b&gt;.</source>
            <translation>“主页”一键清理安全的缓存。“清理”让您选择项目、扫描、逐个查看文件后再清理。“历史”显示清理过的内容，并能把移到回收站的文件放回原处。命令行也能完成同样的工作：运行 &lt;b&gt;onecleaner --help&lt;/b&gt;。</translation>
        </message>
        <message>
            <source>Version %1</source>
            <translation>版本 %1</translation>
        </message>
        <message>
            <source>Read the privacy policy (version %1)</source>
            <translation>阅读隐私政策（版本 %1）</translation>
        </message>
        <message>
            <source>Go to %1</source>
            <translation>前往%1</translation>
        </message>
        <message>
            <source>Browser traces counts and removes cookies, history and form entries, keeping the cookies of the sites on your keep-list.</source>
            <translation>“浏览痕迹”统计并删除 Cookie、历史记录和表单记录，保留名单中网站的 Cookie 会保留。</translation>
        </message>
        <message>
            <source>%1 %2</source>
            <translation>%1%2</translation>
        </message>
    </context>
    <context>
        <name>AppShell</name>
        <message>
            <source>ONE Cleaner</source>
            <extracomment>How long `--smoke-test` runs the event loop before quitting. How often a running app looks for a new service notice or stage (and a passed deadline).</extracomment>
            <translation>ONE Cleaner</translation>
        </message>
    </context>
    <context>
        <name>CleanLayout</name>
        <message>
            <source>Clean</source>
            <translation>清理</translation>
        </message>
        <message>
            <source>Show items &amp;not on this computer</source>
            <translation>显示本机没有的项目(&amp;N)</translation>
        </message>
        <message>
            <source>Applications whose folders do not exist here are hidden until you show them.</source>
            <translation>在本机上没有文件夹的应用程序会被隐藏，除非您选择显示。</translation>
        </message>
        <message>
            <source>Se&amp;lect</source>
            <translation>选择(&amp;L)</translation>
        </message>
        <message>
            <source>Select items</source>
            <translation>选择项目</translation>
        </message>
        <message>
            <source>What to clean</source>
            <translation>清理什么</translation>
        </message>
        <message>
            <source>Tick the items to scan and clean; the sizes appear after a scan.</source>
            <translation>勾选要扫描和清理的项目；扫描后会显示大小。</translation>
        </message>
        <message>
            <source>Files to remove</source>
            <translation>要删除的文件</translation>
        </message>
        <message>
            <source>Untick a file to keep it; press Space to tick or untick the current file. Click a column's title to sort by it.</source>
            <translation>取消勾选文件即可保留它；按空格键勾选或取消勾选当前文件。单击列标题可按该列排序。</translation>
        </message>
        <message>
            <source>Tick a&amp;ll</source>
            <translation>全部勾选(&amp;L)</translation>
        </message>
        <message>
            <source>Tick all files shown</source>
            <translation>勾选显示的所有文件</translation>
        </message>
        <message>
            <source>&amp;Untick all</source>
            <translation>全部取消勾选(&amp;U)</translation>
        </message>
        <message>
            <source>Untick all files shown</source>
            <translation>取消勾选显示的所有文件</translation>
        </message>
        <message>
            <source>Items left alone, with the reason</source>
            <translation>未处理的项目及原因</translation>
        </message>
        <message>
            <source>Files and items left alone</source>
            <translation>未处理的文件和项目</translation>
        </message>
        <message>
            <source>&amp;Files</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>Left &amp;alone</source>
            <translation>未处理(&amp;A)</translation>
        </message>
        <message>
            <source>What is happening</source>
            <translation>当前状态</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>进度</translation>
        </message>
        <message>
            <source>Current folder</source>
            <translation>当前文件夹</translation>
        </message>
        <message>
            <source>&amp;Scan</source>
            <translation>扫描(&amp;S)</translation>
        </message>
        <message>
            <source>Scan the ticked items</source>
            <translation>扫描勾选的项目</translation>
        </message>
        <message>
            <source>Scan (F5)</source>
            <translation>扫描 (F5)</translation>
        </message>
        <message>
            <source>&amp;Clean…</source>
            <translation>清理(&amp;C)…</translation>
        </message>
        <message>
            <source>Clean the scanned files</source>
            <translation>清理扫描到的文件</translation>
        </message>
        <message>
            <source>Clean (Ctrl+Enter)</source>
            <translation>清理 (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Cance&amp;l</source>
            <translation>取消(&amp;L)</translation>
        </message>
        <message>
            <source>Cancel the running scan or clean</source>
            <translation>取消正在进行的扫描或清理</translation>
        </message>
        <message>
            <source>Cancel (Esc)</source>
            <translation>取消 (Esc)</translation>
        </message>
        <message>
            <source>Scan</source>
            <translation>扫描</translation>
        </message>
        <message>
            <source>Clean…</source>
            <translation>清理…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Export results…</source>
            <translation>导出结果…</translation>
        </message>
        <message>
            <source>The &amp;quick clean's items</source>
            <translation>快速清理的项目(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;No items</source>
            <translation>不选任何项目(&amp;N)</translation>
        </message>
        <message>
            <source>Go to the items</source>
            <translation>转到项目</translation>
        </message>
        <message>
            <source>Go to the files</source>
            <translation>转到文件</translation>
        </message>
        <message>
            <source>&amp;All items except browser traces</source>
            <translation>除浏览痕迹外的所有项目(&amp;A)</translation>
        </message>
    </context>
    <context>
        <name>CleanPage</name>
        <message>
            <source>Scan, then pick an item to see its files.</source>
            <translation>请先扫描，然后选择一个项目查看其文件。</translation>
        </message>
        <message>
            <source>Tick at least one item to scan.</source>
            <translation>请至少勾选一个要扫描的项目。</translation>
        </message>
        <message>
            <source>Scanning…</source>
            <translation>正在扫描…</translation>
        </message>
        <message>
            <source>Tick at least one item to clean.</source>
            <translation>请至少勾选一个要清理的项目。</translation>
        </message>
        <message>
            <source>The ticked items changed since the scan: scanning them first…</source>
            <translation>扫描后勾选的项目有变化：先扫描它们…</translation>
        </message>
        <message>
            <source>Scan first: there is nothing to clean.</source>
            <translation>请先扫描：目前没有可清理的内容。</translation>
        </message>
        <message>
            <source>Nothing was cleaned.</source>
            <translation>没有清理任何内容。</translation>
        </message>
        <message>
            <source>Every file is unticked: nothing to clean.</source>
            <translation>所有文件都已取消勾选：没有可清理的内容。</translation>
        </message>
        <message>
            <source>Nothing to clean.</source>
            <translation>没有可清理的内容。</translation>
        </message>
        <message>
            <source>Cancelling: stopping after the current file…</source>
            <translation>正在取消：处理完当前文件后停止…</translation>
        </message>
        <message>
            <source>Clean first: there are no results to save.</source>
            <translation>请先清理：没有可保存的结果。</translation>
        </message>
        <message>
            <source>Export results</source>
            <translation>导出结果</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>导出失败</translation>
        </message>
        <message>
            <source>Could not save {0}: {1}</source>
            <translation>无法保存 {0}：{1}</translation>
        </message>
        <message>
            <source>Results saved to {0}</source>
            <translation>结果已保存到 {0}</translation>
        </message>
        <message>
            <source>Programs still running</source>
            <translation>程序仍在运行</translation>
        </message>
        <message numerus="yes">
            <source>%n program(s) did not close: %1. The files are left alone; the rest will be cleaned.</source>
            <translation>
                <numerusform>%1 未关闭。其文件不会被处理；其余内容将被清理。</numerusform>
            </translation>
        </message>
        <message>
            <source>Closed {0}; scanning again…</source>
            <translation>已关闭 {0}；正在重新扫描…</translation>
        </message>
        <message>
            <source>Stopped by an error.</source>
            <translation>因出错而停止。</translation>
        </message>
        <message>
            <source>Something went wrong</source>
            <translation>出现问题</translation>
        </message>
        <message numerus="yes">
            <source>%1: %Ln file(s)</source>
            <translation>
                <numerusform>%1：%Ln 个文件</numerusform>
            </translation>
        </message>
        <message>
            <source>Reclaimable space by category</source>
            <translation>各类别可释放的空间</translation>
        </message>
        <message>
            <source>Freed space by category</source>
            <translation>各类别释放的空间</translation>
        </message>
        <message>
            <source>Scan again to see what is left.</source>
            <translation>重新扫描可查看剩余内容。</translation>
        </message>
        <message>
            <source>Ready.</source>
            <translation>就绪。</translation>
        </message>
        <message>
            <source>Cleaning…</source>
            <translation>正在清理…</translation>
        </message>
        <message>
            <source>Closing programs…</source>
            <translation>正在关闭程序…</translation>
        </message>
        <message>
            <source>Scan cancelled.</source>
            <translation>扫描已取消。</translation>
        </message>
        <message>
            <source>Cleaning cancelled.</source>
            <translation>清理已取消。</translation>
        </message>
        <message>
            <source>Done.</source>
            <translation>完成。</translation>
        </message>
        <message>
            <source>A quick clean ran: scanning again…</source>
            <translation>刚才运行了快速清理：正在重新扫描…</translation>
        </message>
        <message numerus="yes">
            <source>%1: %Ln record(s) in the browsers' databases, removed as rows (no files to list).</source>
            <translation>
                <numerusform>%1：浏览器数据库中的 %Ln 条记录，按行删除（没有文件可列出）。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DiskCard</name>
        <message>
            <source>free</source>
            <translation>可用</translation>
        </message>
        <message>
            <source>%1 free of %2</source>
            <translation>共 %2，可用 %1</translation>
        </message>
        <message>
            <source>Disk %1</source>
            <translation>磁盘 %1</translation>
        </message>
    </context>
    <context>
        <name>DiskUsagePage</name>
        <message>
            <source>Disk usage</source>
            <extracomment>The tabs by the section names `open_page("disk", section)` accepts.</extracomment>
            <translation>磁盘占用</translation>
        </message>
        <message>
            <source>Folder:</source>
            <translation>文件夹：</translation>
        </message>
        <message>
            <source>C&amp;hange…</source>
            <translation>更改(&amp;H)…</translation>
        </message>
        <message>
            <source>Look at another folder</source>
            <translation>查看另一个文件夹</translation>
        </message>
        <message>
            <source>H&amp;ome folder</source>
            <translation>主文件夹(&amp;O)</translation>
        </message>
        <message>
            <source>Map and finders</source>
            <translation>占用图和查找</translation>
        </message>
        <message>
            <source>&amp;Map</source>
            <translation>占用图(&amp;M)</translation>
        </message>
        <message>
            <source>Choose a folder to look at</source>
            <translation>选择要查看的文件夹</translation>
        </message>
    </context>
    <context>
        <name>FinderLayout</name>
        <message>
            <source>&amp;Find</source>
            <translation>查找(&amp;F)</translation>
        </message>
        <message>
            <source>Search the folder chosen (nothing is removed)</source>
            <translation>在所选文件夹中查找（不会删除任何内容）</translation>
        </message>
        <message>
            <source>Cance&amp;l</source>
            <translation>取消(&amp;L)</translation>
        </message>
        <message>
            <source>Tick a&amp;ll</source>
            <translation>全部勾选(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Untick all</source>
            <translation>全部取消勾选(&amp;U)</translation>
        </message>
        <message>
            <source>What was found, with ticks</source>
            <translation>找到的项目（可勾选）</translation>
        </message>
        <message>
            <source>Press Space to tick or untick the current row; the note says why a row is not ticked. Click a column's title to sort by it.</source>
            <translation>按空格键勾选或取消勾选当前行；备注说明某行为何未勾选。点击列标题可按该列排序。</translation>
        </message>
        <message>
            <source>Items left alone, with the reason</source>
            <translation>未处理的项目及原因</translation>
        </message>
        <message>
            <source>What is happening</source>
            <translation>当前状态</translation>
        </message>
    </context>
    <context>
        <name>FinderTab</name>
        <message>
            <source>Move to &amp;trash…</source>
            <translation>移到回收站(&amp;T)…</translation>
        </message>
        <message>
            <source>&amp;Delete…</source>
            <translation>删除(&amp;D)…</translation>
        </message>
        <message>
            <source>Move the ticked items to the trash (asks first)</source>
            <translation>将勾选的项目移到回收站（会先询问）</translation>
        </message>
        <message>
            <source>Delete the ticked build output permanently (asks first)</source>
            <translation>永久删除勾选的构建产物（会先询问）</translation>
        </message>
        <message>
            <source>Files were removed since this search: find again to see.</source>
            <translation>此次查找之后已有文件被删除：请重新查找以查看。</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>正在查找…</translation>
        </message>
        <message>
            <source>Tick at least one item.</source>
            <translation>请至少勾选一个项目。</translation>
        </message>
        <message>
            <source>Nothing was removed.</source>
            <translation>没有删除任何内容。</translation>
        </message>
        <message>
            <source>Moving to the trash…</source>
            <translation>正在移到回收站…</translation>
        </message>
        <message>
            <source>Deleting…</source>
            <translation>正在删除…</translation>
        </message>
        <message>
            <source>Cancelling: stopping after the current file…</source>
            <translation>正在取消：处理完当前文件后停止…</translation>
        </message>
        <message>
            <source>Search cancelled.</source>
            <translation>查找已取消。</translation>
        </message>
        <message>
            <source>Stopped by an error: %1</source>
            <translation>因出错而停止：%1</translation>
        </message>
        <message>
            <source>Press Find to search.</source>
            <translation>按“查找”开始搜索。</translation>
        </message>
        <message numerus="yes">
            <source>Left alone: %Ln item(s), and why</source>
            <translation>
                <numerusform>未处理：%Ln 个项目及原因</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <source>&lt;p&gt;ONE Cleaner cleans without any of the choices below: each is off until you turn it on.&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Personal information (e-mail, phone number) only if you register, which is optional.&lt;/li&gt;&lt;li&gt;Log information only for the purposes you allow here.&lt;/li&gt;&lt;li&gt;Everything is stored encrypted on this device, only as long as needed. Nothing is sent or shared.&lt;/li&gt;&lt;li&gt;If the service ever stops, you are told, and your personal information is deleted.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;You can change these choices at any time in Settings → Privacy. Turning a choice off erases what was collected for it.&lt;/p&gt;</source>
            <translation>&lt;p&gt;即使不开启以下任何选项，ONE Cleaner 也能正常清理：每一项在您开启之前都是关闭的。&lt;/p&gt;&lt;ul&gt;&lt;li&gt;只有在您注册（可选）时才会收集个人信息（电子邮箱、手机号码）。&lt;/li&gt;&lt;li&gt;只为您在此处允许的用途记录日志信息。&lt;/li&gt;&lt;li&gt;所有信息都加密保存在本设备上，只保留必要的时间。不会发送或共享任何信息。&lt;/li&gt;&lt;li&gt;如果服务停止运营，我们会通知您，并删除您的个人信息。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;您可以随时在“设置 → 隐私”中更改这些选择。关闭某一项会清除为该项收集的内容。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Welcome to ONE Cleaner</source>
            <translation>欢迎使用 ONE Cleaner</translation>
        </message>
        <message>
            <source>Your privacy choices</source>
            <translation>您的隐私选择</translation>
        </message>
        <message>
            <source>The privacy policy has changed since you allowed some of these under an older policy. Please choose again: a choice left off erases what was recorded for it.</source>
            <translation>隐私政策已更新，您之前是在旧版政策下允许其中某些项的。请重新选择：保持关闭的项会清除为其记录的内容。</translation>
        </message>
        <message>
            <source>Read the full privacy &amp;policy…</source>
            <translation>阅读完整的隐私政策(&amp;P)…</translation>
        </message>
        <message>
            <source>Privacy policy version %1</source>
            <translation>隐私政策版本 %1</translation>
        </message>
        <message>
            <source>&amp;Continue</source>
            <translation>继续(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Continue without saving</source>
            <translation>不保存并继续(&amp;C)</translation>
        </message>
        <message>
            <source>the disk it is on is full</source>
            <translation>所在磁盘已满</translation>
        </message>
        <message>
            <source>it is on a read-only disk</source>
            <translation>它位于只读磁盘上</translation>
        </message>
        <message>
            <source>a file stands where the folder should be</source>
            <translation>该位置是一个文件而不是文件夹</translation>
        </message>
        <message>
            <source>you are not allowed to write there</source>
            <translation>您没有在该位置写入的权限</translation>
        </message>
        <message>
            <source>another ONE Cleaner is busy with it</source>
            <translation>另一个 ONE Cleaner 正在使用它</translation>
        </message>
        <message>
            <source>it cannot be written</source>
            <translation>无法写入</translation>
        </message>
        <message>
            <source>Your choices could not be saved in the data folder %1: %2. Cleaning works without them, and you will be asked again at the next start.</source>
            <translation>无法将您的选择保存到数据文件夹 %1：%2。没有这些选择也可以正常清理，下次启动时会再次询问您。</translation>
        </message>
    </context>
    <context>
        <name>GeneralPage</name>
        <message>
            <source>Delete permanently (caches regenerate)</source>
            <translation>永久删除（缓存会重新生成）</translation>
        </message>
        <message>
            <source>Move to the trash (can be restored)</source>
            <translation>移到回收站（可以恢复）</translation>
        </message>
        <message>
            <source>Delete mode</source>
            <translation>删除方式</translation>
        </message>
        <message>
            <source>Only remove files older than</source>
            <translation>只删除早于以下时间的文件：</translation>
        </message>
        <message>
            <source>Minimum age in days</source>
            <translation>最短保留天数</translation>
        </message>
        <message>
            <source>Cleaning</source>
            <translation>清理</translation>
        </message>
        <message>
            <source>&amp;Delete mode:</source>
            <translation>删除方式(&amp;D)：</translation>
        </message>
        <message>
            <source>Age filter:</source>
            <translation>时间筛选：</translation>
        </message>
        <message>
            <source>Restore the &amp;recommended set</source>
            <translation>恢复推荐的项目(&amp;R)</translation>
        </message>
        <message>
            <source>Items of the quick clean</source>
            <translation>快速清理的项目</translation>
        </message>
        <message>
            <source>Quick clean (Home, tray and schedule)</source>
            <translation>快速清理（主页、托盘和定时清理）</translation>
        </message>
        <message>
            <source>What a quick clean removes:</source>
            <translation>快速清理会删除：</translation>
        </message>
        <message>
            <source>Paths never to touch</source>
            <translation>永不触碰的路径</translation>
        </message>
        <message>
            <source>&amp;Add folder…</source>
            <translation>添加文件夹(&amp;A)…</translation>
        </message>
        <message>
            <source>Re&amp;move</source>
            <translation>移除(&amp;M)</translation>
        </message>
        <message>
            <source>Never touch</source>
            <translation>永不触碰</translation>
        </message>
        <message>
            <source>Off</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Daily</source>
            <translation>每天</translation>
        </message>
        <message>
            <source>Weekly</source>
            <translation>每周</translation>
        </message>
        <message>
            <source>Scheduled quick clean</source>
            <translation>定时快速清理</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>Schedule, language and start-up</source>
            <translation>定时、语言和启动</translation>
        </message>
        <message>
            <source> (Care)</source>
            <translation>（留意）</translation>
        </message>
        <message>
            <source> (Privacy)</source>
            <translation>（隐私）</translation>
        </message>
        <message>
            <source>Start in the system &amp;tray</source>
            <translation>启动时最小化到系统托盘(&amp;T)</translation>
        </message>
        <message>
            <source>Start ONE Cleaner at &amp;login (in the tray)</source>
            <translation>登录时启动 ONE Cleaner（在托盘中）(&amp;L)</translation>
        </message>
        <message>
            <source>Not available in this installation.</source>
            <translation>此安装版本不支持。</translation>
        </message>
        <message>
            <source>&amp;Scheduled quick clean:</source>
            <translation>定时快速清理(&amp;S)：</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>语言(&amp;L)：</translation>
        </message>
        <message numerus="yes">
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n 天</numerusform>
            </translation>
        </message>
        <message>
            <source>Starting at login is not available in this installation.</source>
            <translation>此安装版本不支持登录时启动。</translation>
        </message>
        <message>
            <source>The start-at-login entry could not be changed: %1</source>
            <translation>无法更改登录时启动的设置：%1</translation>
        </message>
        <message>
            <source>No scheduled cleaning.</source>
            <translation>没有定时清理。</translation>
        </message>
        <message>
            <source>Next run: as soon as ONE Cleaner is running.</source>
            <translation>下次运行：ONE Cleaner 运行后立即进行。</translation>
        </message>
        <message>
            <source>Next run: %1</source>
            <translation>下次运行：%1</translation>
        </message>
        <message>
            <source>A folder never to touch</source>
            <translation>永不触碰的文件夹</translation>
        </message>
    </context>
    <context>
        <name>HistoryModel</name>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>What</source>
            <translation>内容</translation>
        </message>
        <message>
            <source>Space</source>
            <translation>空间</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>文件数</translation>
        </message>
        <message>
            <source>Left alone</source>
            <translation>未处理</translation>
        </message>
    </context>
    <context>
        <name>HistoryPage</name>
        <message>
            <source>History</source>
            <translation>历史</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>刷新(&amp;R)</translation>
        </message>
        <message>
            <source>The activity history is off</source>
            <translation>活动历史已关闭</translation>
        </message>
        <message>
            <source>Nothing is recorded, so there is nothing to show. To keep an encrypted record of your scans and cleans on this device (and to put back a clean that moved files to the trash), turn on “Activity history” in Settings → Privacy.</source>
            <translation>没有记录任何内容，因此这里没有可显示的。若要在本设备上加密保存扫描和清理的记录（并能撤销移到回收站的清理），请在“设置 → 隐私”中打开“活动历史”。</translation>
        </message>
        <message>
            <source>&amp;Open the privacy settings</source>
            <translation>打开隐私设置(&amp;O)</translation>
        </message>
        <message>
            <source>Scans and cleans, newest first</source>
            <translation>扫描和清理记录，最新的在前</translation>
        </message>
        <message>
            <source>What the picked entry did</source>
            <translation>所选记录的详情</translation>
        </message>
        <message>
            <source>&amp;Put back from the trash</source>
            <translation>从回收站放回(&amp;P)</translation>
        </message>
        <message>
            <source>Move this clean's files from the trash back where they were. A file that exists again at its place is never replaced.</source>
            <translation>把这次清理的文件从回收站移回原处。原位置上已重新出现的文件绝不会被替换。</translation>
        </message>
        <message>
            <source>Open the &amp;trash</source>
            <translation>打开回收站(&amp;T)</translation>
        </message>
        <message>
            <source>Nothing recorded yet: your next scan or clean appears here.</source>
            <translation>暂无记录：您下次扫描或清理后会显示在这里。</translation>
        </message>
        <message>
            <source>The history could not be read: %1</source>
            <translation>无法读取历史：%1</translation>
        </message>
        <message numerus="yes">
            <source>Found %1 in %Ln file(s).</source>
            <translation>
                <numerusform>在 %Ln 个文件中找到 %1。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Moved %Ln file(s) (%1) to the trash.</source>
            <translation>
                <numerusform>已将 %Ln 个文件（%1）移到回收站。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Freed %1 by removing %Ln file(s).</source>
            <translation>
                <numerusform>删除了 %Ln 个文件，释放 %1。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Found %1 in %Ln browser record(s).</source>
            <translation>
                <numerusform>在 %Ln 条浏览器记录中找到 %1。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Removed %Ln browser record(s).</source>
            <translation>
                <numerusform>已删除 %Ln 条浏览器记录。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Also %Ln browser record(s).</source>
            <translation>
                <numerusform>另有 %Ln 条浏览器记录。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln browser record(s)</source>
            <translation>
                <numerusform>%Ln 条浏览器记录</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln file(s)</source>
            <translation>
                <numerusform>%Ln 个文件</numerusform>
            </translation>
        </message>
        <message>
            <source>%1: %2 (%3)</source>
            <translation>%1：%2（%3）</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message numerus="yes">
            <source>Left alone: %Ln item(s), and why:</source>
            <translation>
                <numerusform>未处理：%Ln 个项目，原因如下：</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln file(s) put back where they were.</source>
            <translation>
                <numerusform>已将 %Ln 个文件放回原处。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln file(s) left in the trash because a file is at their place again: %1</source>
            <translation>
                <numerusform>%Ln 个文件留在回收站中，因为原位置上已有文件：%1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln file(s) were no longer in the trash.</source>
            <translation>
                <numerusform>%Ln 个文件已不在回收站中。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln file(s) were not put back, to be safe: %1</source>
            <translation>
                <numerusform>为安全起见，%Ln 个文件未放回：%1</numerusform>
            </translation>
        </message>
        <message>
            <source>By item:</source>
            <translation>按项目：</translation>
        </message>
        <message>
            <source>Nothing was left alone.</source>
            <translation>所有项目都已处理。</translation>
        </message>
        <message>
            <source>Putting the files back…</source>
            <translation>正在放回文件…</translation>
        </message>
        <message>
            <source>The files could not be put back: %1</source>
            <translation>无法放回文件：%1</translation>
        </message>
        <message>
            <source>Nothing left to put back: the list of this clean is gone.</source>
            <translation>没有可放回的内容：这次清理的清单已不存在。</translation>
        </message>
        <message>
            <source>Scan</source>
            <translation>扫描</translation>
        </message>
        <message>
            <source>Put back from the trash</source>
            <translation>从回收站放回</translation>
        </message>
        <message>
            <source>Quick clean</source>
            <translation>快速清理</translation>
        </message>
        <message>
            <source>Clean</source>
            <translation>清理</translation>
        </message>
        <message numerus="yes">
            <source>%Ln file(s) put back</source>
            <translation>
                <numerusform>放回 %Ln 个文件</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln record(s)</source>
            <translation>
                <numerusform>%Ln 条记录</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 freed</source>
            <translation>释放 %1</translation>
        </message>
        <message>
            <source>%1 (to the trash)</source>
            <translation>%1（移到回收站）</translation>
        </message>
        <message>
            <source>%1, cancelled</source>
            <translation>%1，已取消</translation>
        </message>
        <message>
            <source>%1 found</source>
            <translation>找到 %1</translation>
        </message>
        <message>
            <source>%1 to the trash</source>
            <translation>移到回收站 %1</translation>
        </message>
    </context>
    <context>
        <name>HomePage</name>
        <message>
            <source>Home</source>
            <translation>主页</translation>
        </message>
        <message>
            <source>S&amp;top</source>
            <translation>停止(&amp;T)</translation>
        </message>
        <message>
            <source>Reclaimable</source>
            <translation>可释放</translation>
        </message>
        <message>
            <source>&amp;Review and choose…</source>
            <translation>查看并选择(&amp;R)…</translation>
        </message>
        <message>
            <source>Choose the items, scan and review each file on the Clean page</source>
            <translation>在“清理”页面选择项目、扫描并逐个查看文件</translation>
        </message>
        <message>
            <source>Scheduled cleaning</source>
            <translation>定时清理</translation>
        </message>
        <message>
            <source>A quick clean daily or weekly, in the background, only on mains power; it never closes a program.</source>
            <translation>每天或每周在后台运行一次快速清理，仅在接通电源时进行；它从不关闭任何程序。</translation>
        </message>
        <message>
            <source>C&amp;hange…</source>
            <translation>更改(&amp;H)…</translation>
        </message>
        <message>
            <source>Change the schedule</source>
            <translation>更改定时清理</translation>
        </message>
        <message>
            <source>Your disk</source>
            <translation>您的磁盘</translation>
        </message>
        <message>
            <source>Quick clean</source>
            <translation>快速清理</translation>
        </message>
        <message>
            <source>Quick clean: remove the safe caches now</source>
            <translation>快速清理：立即删除安全的缓存</translation>
        </message>
        <message numerus="yes">
            <source>Removes the safe caches of %n item(s) in one go, with every safety check; programs that are running are left alone.</source>
            <translation>
                <numerusform>一次性删除 %n 个项目的安全缓存，并执行全部安全检查；正在运行的程序不会被触碰。</numerusform>
            </translation>
        </message>
        <message>
            <source>No scan yet: Quick clean, or review the items first.</source>
            <translation>尚未扫描：可以直接快速清理，或先查看项目。</translation>
        </message>
        <message numerus="yes">
            <source>Found in %Ln file(s) by the scan of %1.</source>
            <translation>
                <numerusform>在 %Ln 个文件中找到（扫描于 %1）。</numerusform>
            </translation>
        </message>
        <message>
            <source>Last clean, %1: %2 moved to the trash.</source>
            <translation>上次清理（%1）：%2 已移到回收站。</translation>
        </message>
        <message>
            <source>Last clean, %1: %2 freed.</source>
            <translation>上次清理（%1）：释放了 %2。</translation>
        </message>
        <message>
            <source>Off</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Turn &amp;on…</source>
            <translation>打开(&amp;O)…</translation>
        </message>
        <message>
            <source>Due now: runs as soon as possible</source>
            <translation>已到期：将尽快运行</translation>
        </message>
        <message>
            <source>Next: %1</source>
            <translation>下次：%1</translation>
        </message>
        <message>
            <source>Holds your home folder and its caches</source>
            <translation>存放您的主文件夹及其缓存</translation>
        </message>
        <message>
            <source>Holds your home folder</source>
            <translation>存放您的主文件夹</translation>
        </message>
        <message>
            <source>Holds your cache folder</source>
            <translation>存放您的缓存文件夹</translation>
        </message>
        <message>
            <source>Your disks</source>
            <translation>您的磁盘</translation>
        </message>
        <message>
            <source>Busy: wait for the scan or clean on the Clean page.</source>
            <translation>忙碌中：请等待“清理”页面上的扫描或清理完成。</translation>
        </message>
        <message>
            <source>Quick clean: scanning…</source>
            <translation>快速清理：正在扫描…</translation>
        </message>
        <message>
            <source>Quick clean: scanning, %1 found</source>
            <translation>快速清理：正在扫描，已找到 %1</translation>
        </message>
        <message>
            <source>Quick clean: %1 freed so far</source>
            <translation>快速清理：已释放 %1</translation>
        </message>
    </context>
    <context>
        <name>IdentifierBox</name>
        <message>
            <source>Install identifier</source>
            <translation>安装标识符</translation>
        </message>
        <message>
            <source>A random number that tells usage records of this installation apart. It is used only with the usage choice above, and never leaves this device.</source>
            <translation>一个用于区分本安装的使用记录的随机编号。只有开启上面的“使用统计”时才会使用，且永远不会离开本设备。</translation>
        </message>
        <message>
            <source>&amp;Use an install identifier</source>
            <translation>使用安装标识符(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Reset identifier</source>
            <translation>重置标识符(&amp;R)</translation>
        </message>
        <message>
            <source>Identifier:</source>
            <translation>标识符：</translation>
        </message>
        <message>
            <source>off (usage statistics are off)</source>
            <translation>关闭（使用统计已关闭）</translation>
        </message>
        <message>
            <source>off</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>The install identifier is on.</source>
            <translation>安装标识符已开启。</translation>
        </message>
        <message>
            <source>The install identifier is off and was deleted.</source>
            <translation>安装标识符已关闭并已删除。</translation>
        </message>
        <message>
            <source>A new install identifier was made; the old one is gone.</source>
            <translation>已生成新的安装标识符；旧的已删除。</translation>
        </message>
    </context>
    <context>
        <name>JournalDialog</name>
        <message>
            <source>Activity log</source>
            <translation>活动日志</translation>
        </message>
        <message>
            <source>Filter the log…</source>
            <translation>筛选日志…</translation>
        </message>
        <message>
            <source>Filter the log</source>
            <translation>筛选日志</translation>
        </message>
        <message>
            <source>Activity log records</source>
            <translation>活动日志记录</translation>
        </message>
        <message>
            <source>The activity log could not be read: %1</source>
            <translation>无法读取活动日志：%1</translation>
        </message>
        <message>
            <source>Records: %1.</source>
            <translation>记录：%1 条。</translation>
        </message>
    </context>
    <context>
        <name>JournalModel</name>
        <message>
            <source>#</source>
            <translation>#</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Purpose</source>
            <translation>用途</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>事件</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>内容</translation>
        </message>
    </context>
    <context>
        <name>KeepListEditor</name>
        <message>
            <source>Cookie keep-list</source>
            <translation>Cookie 保留名单</translation>
        </message>
        <message>
            <source>Cookies of these domains and their subdomains stay when cookies are cleaned, so you stay signed in to them.</source>
            <translation>清理 Cookie 时，这些域名及其子域名的 Cookie 会保留，您在这些网站上保持登录。</translation>
        </message>
        <message>
            <source>example.org</source>
            <translation>example.org</translation>
        </message>
        <message>
            <source>Domain to keep</source>
            <translation>要保留的域名</translation>
        </message>
        <message>
            <source>&amp;Add</source>
            <translation>添加(&amp;A)</translation>
        </message>
        <message>
            <source>Add the domain to the keep-list</source>
            <translation>把该域名添加到保留名单</translation>
        </message>
        <message>
            <source>Kept domains</source>
            <translation>保留的域名</translation>
        </message>
        <message>
            <source>Your keep-list is empty: cleaning cookies signs you out of every site.</source>
            <translation>保留名单为空：清理 Cookie 会让您退出所有网站的登录。</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>移除(&amp;R)</translation>
        </message>
        <message>
            <source>Remove the selected domains from the keep-list</source>
            <translation>从保留名单中移除选中的域名</translation>
        </message>
        <message>
            <source>Suggestions</source>
            <translation>建议</translation>
        </message>
        <message>
            <source>Sites you bookmarked or have a saved login for (no password is read). Tick one to keep its cookies.</source>
            <translation>您加了书签或保存了登录信息的网站（不会读取任何密码）。勾选即可保留其 Cookie。</translation>
        </message>
        <message>
            <source>Suggested domains</source>
            <translation>建议保留的域名</translation>
        </message>
        <message>
            <source>Reading your bookmarks and saved logins…</source>
            <translation>正在读取您的书签和已保存的登录信息…</translation>
        </message>
        <message>
            <source>No bookmarks or saved logins were found in your browsers.</source>
            <translation>您的浏览器中没有找到书签或已保存的登录信息。</translation>
        </message>
        <message>
            <source>Some could not be read (%1): %2</source>
            <translation>部分内容无法读取（%1）：%2</translation>
        </message>
        <message>
            <source>The suggestions could not be read: %1</source>
            <translation>无法读取建议：%1</translation>
        </message>
        <message>
            <source>%1 is already on the keep-list.</source>
            <translation>%1 已在保留名单中。</translation>
        </message>
        <message>
            <source>Your settings file could not be read, so the saved keep-list is unknown: nothing was changed. See the message at the top of the window.</source>
            <translation>无法读取设置文件，因此不知道已保存的保留名单：没有做任何更改。请查看窗口顶部的消息。</translation>
        </message>
        <message>
            <source>The keep-list could not be saved: %1</source>
            <translation>无法保存保留名单：%1</translation>
        </message>
        <message>
            <source>Domain</source>
            <translation>域名</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>%1
in %2</source>
            <translation>%1
来自 %2</translation>
        </message>
        <message>
            <source>%1: you have a %2 for it in %3. Tick to keep its cookies.</source>
            <translation>%1：您在 %3 中有它的%2。勾选即可保留其 Cookie。</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>ONE Cleaner</source>
            <extracomment>Below this window width the sidebar shows icons only. How long a message stays in the window's message line.</extracomment>
            <translation>ONE Cleaner</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>消息</translation>
        </message>
        <message numerus="yes">
            <source>%Ln item(s) left alone.</source>
            <translation>
                <numerusform>%Ln 个项目未处理。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Also %Ln browser record(s).</source>
            <translation>
                <numerusform>另有 %Ln 条浏览器记录。</numerusform>
            </translation>
        </message>
        <message>
            <source>Scan again to clean.</source>
            <translation>请重新扫描后再清理。</translation>
        </message>
        <message numerus="yes">
            <source>Ready to remove %Ln browser record(s), about %1</source>
            <translation>
                <numerusform>可删除 %Ln 条浏览器记录，约 %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln unticked file(s) stay where they are.</source>
            <translation>
                <numerusform>%Ln 个已取消勾选的文件将保留原处。</numerusform>
            </translation>
        </message>
        <message>
            <source>Untick single files below to keep them.</source>
            <translation>在下方取消勾选单个文件即可保留。</translation>
        </message>
        <message numerus="yes">
            <source>Moved to the trash %1: %Ln file(s)</source>
            <translation>
                <numerusform>已移到回收站 %1：%Ln 个文件</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Freed %1: %Ln file(s) removed</source>
            <translation>
                <numerusform>已释放 %1：已删除 %Ln 个文件</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln item(s) left alone; see “Left alone” for the reasons.</source>
            <translation>
                <numerusform>%Ln 个项目未处理；原因请见“未处理”。</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing was left alone.</source>
            <translation>所有项目都已处理。</translation>
        </message>
        <message numerus="yes">
            <source>Also %Ln browser record(s) removed.</source>
            <translation>
                <numerusform>另删除了 %Ln 条浏览器记录。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Cleaning cancelled: %Ln browser record(s) removed before stopping</source>
            <translation>
                <numerusform>清理已取消：停止前已删除 %Ln 条浏览器记录</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Removed %Ln browser record(s); the databases as they were are in the trash</source>
            <translation>
                <numerusform>已删除 %Ln 条浏览器记录；数据库的原始副本在回收站中</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Scan finished: %1 in %Ln file(s).</source>
            <translation>
                <numerusform>扫描完成：%Ln 个文件，共 %1。</numerusform>
            </translation>
        </message>
        <message>
            <source>Browser records are not listed one by one.</source>
            <translation>浏览器记录不逐条列出。</translation>
        </message>
        <message numerus="yes">
            <source>Ready to free %1 in %Ln file(s)</source>
            <translation>
                <numerusform>可释放 %1，共 %Ln 个文件</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Removed %Ln browser record(s), freed %1</source>
            <translation>
                <numerusform>已删除 %Ln 条浏览器记录，释放 %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Scanning: %Ln file(s), %1</source>
            <translation>
                <numerusform>正在扫描：%Ln 个文件，%1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Cleaning: %Ln file(s) removed, %1 freed</source>
            <translation>
                <numerusform>正在清理：已删除 %Ln 个文件，释放 %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Scan cancelled: %1 in %Ln file(s) found so far</source>
            <translation>
                <numerusform>扫描已取消：目前已找到 %Ln 个文件，共 %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Cleaning cancelled: %Ln file(s) removed (%1) before stopping</source>
            <translation>
                <numerusform>清理已取消：停止前已删除 %Ln 个文件（%1）</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 %2</source>
            <translation>%1%2</translation>
        </message>
    </context>
    <context>
        <name>MapLayout</name>
        <message>
            <source>&amp;Scan</source>
            <translation>扫描(&amp;S)</translation>
        </message>
        <message>
            <source>Measure every folder in the folder chosen (nothing is removed)</source>
            <translation>统计所选文件夹中每个文件夹的大小（不会删除任何内容）</translation>
        </message>
        <message>
            <source>Cance&amp;l</source>
            <translation>取消(&amp;L)</translation>
        </message>
        <message>
            <source>Folders, largest first</source>
            <translation>文件夹（从大到小）</translation>
        </message>
        <message>
            <source>Enter opens a folder, Backspace goes back up; the menu key offers to move a folder to the trash or open it.</source>
            <translation>回车键打开文件夹，退格键返回上一级；菜单键可将文件夹移到回收站或打开它。</translation>
        </message>
        <message>
            <source>Where the map is</source>
            <translation>占用图当前位置</translation>
        </message>
        <message>
            <source>What is happening</source>
            <translation>当前状态</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>进度</translation>
        </message>
    </context>
    <context>
        <name>MapTab</name>
        <message>
            <source>Files were removed since this scan: scan again to see the sizes.</source>
            <extracomment>Seconds between two redraws of the map while the walk streams in (the status is every report). The skipped folders listed in the status line's tooltip.</extracomment>
            <translation>此次扫描之后已有文件被删除：请重新扫描以查看大小。</translation>
        </message>
        <message>
            <source>Scanning…</source>
            <translation>正在扫描…</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <source>Move to &amp;trash…</source>
            <translation>移到回收站(&amp;T)…</translation>
        </message>
        <message>
            <source>&amp;Open folder</source>
            <translation>打开文件夹(&amp;O)</translation>
        </message>
        <message>
            <source>Could not open %1 in the file manager.</source>
            <translation>无法在文件管理器中打开 %1。</translation>
        </message>
        <message>
            <source>Looking at what %1 holds…</source>
            <translation>正在查看 %1 中的内容…</translation>
        </message>
        <message>
            <source>Stopped by an error: %1</source>
            <translation>因出错而停止：%1</translation>
        </message>
        <message>
            <source>%1 cannot be moved to the trash as a whole: %2.</source>
            <translation>%1 不能整体移到回收站：%2。</translation>
        </message>
        <message>
            <source>Not moved to the trash</source>
            <translation>未移到回收站</translation>
        </message>
        <message>
            <source>Cancelled: nothing was moved to the trash.</source>
            <translation>已取消：没有移动任何内容到回收站。</translation>
        </message>
        <message>
            <source>Nothing in %1 can be moved to the trash.</source>
            <translation>%1 中没有可以移到回收站的内容。</translation>
        </message>
        <message numerus="yes">
            <source>%Ln item(s) left alone.</source>
            <translation>
                <numerusform>%Ln 个项目未处理。</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing was moved to the trash.</source>
            <translation>没有移动任何内容到回收站。</translation>
        </message>
        <message>
            <source>Moving to the trash…</source>
            <translation>正在移到回收站…</translation>
        </message>
        <message>
            <source>%1. %2</source>
            <translation>%1。%2</translation>
        </message>
        <message>
            <source>%1.</source>
            <translation>%1。</translation>
        </message>
        <message numerus="yes">
            <source>…and %Ln more.</source>
            <translation>
                <numerusform>……另有 %Ln 项。</numerusform>
            </translation>
        </message>
        <message>
            <source>Left alone</source>
            <translation>未处理</translation>
        </message>
        <message>
            <source>Press Scan to see which folders take the space in %1.</source>
            <translation>按“扫描”查看 %1 中哪些文件夹占用了空间。</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>正在统计…</translation>
        </message>
        <message numerus="yes">
            <source>%1 in %Ln file(s)</source>
            <translation>
                <numerusform>%1，共 %Ln 个文件</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NoticeBanner</name>
        <message>
            <source>ONE Cleaner will stop operating on %1. You can export your data until %2; after that date your personal information is deleted from this device.</source>
            <translation>ONE Cleaner 将于 %1 停止运营。您可以在 %2 之前导出您的数据；此后您的个人信息将从本设备上删除。</translation>
        </message>
        <message>
            <source>The service ended on %1: nothing more is collected. Export your data before %2, when your personal information is deleted from this device.</source>
            <translation>服务已于 %1 结束：不再收集任何信息。请在 %2 之前导出您的数据，届时您的个人信息将从本设备上删除。</translation>
        </message>
        <message>
            <source>The service ended on %1 and the deletion date (%2) has passed: your personal information has been deleted from this device. Cleaning still works.</source>
            <translation>服务已于 %1 结束，删除日期（%2）已过：您的个人信息已从本设备上删除。清理功能仍可使用。</translation>
        </message>
        <message>
            <source>the activity journal</source>
            <translation>活动日志</translation>
        </message>
        <message>
            <source>the registration profile</source>
            <translation>注册资料</translation>
        </message>
        <message>
            <source>the install identifier and usage data</source>
            <translation>安装标识符和使用数据</translation>
        </message>
        <message>
            <source>the encryption keys</source>
            <translation>加密密钥</translation>
        </message>
        <message>
            <source>the lists of files a clean moved to the trash</source>
            <translation>清理移到回收站的文件清单</translation>
        </message>
        <message>
            <source>Deleted on %1: %2. A receipt with nothing personal in it is in %3.</source>
            <translation>已于 %1 删除：%2。不含任何个人信息的删除凭据保存在 %3。</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>Checked on %1: no personal information was held, so none had to be deleted. A receipt with nothing personal in it is in %3.</source>
            <translation>已于 %1 检查：本设备未保存任何个人信息，因此无需删除。不含任何个人信息的删除凭据保存在 %3。</translation>
        </message>
        <message>
            <source>Contact: %1</source>
            <translation>联系方式：%1</translation>
        </message>
        <message>
            <source>Announced %1 · Service ends %2 · Deletion by %3</source>
            <translation>公告日期 %1 · 服务结束 %2 · 删除期限 %3</translation>
        </message>
        <message>
            <source>Export my data</source>
            <translation>导出我的数据</translation>
        </message>
        <message>
            <source>JSON files (*.json)</source>
            <translation>JSON 文件 (*.json)</translation>
        </message>
        <message>
            <source>The export failed: %1</source>
            <translation>导出失败：%1</translation>
        </message>
        <message>
            <source>Everything ONE Cleaner holds about you was saved to %1.</source>
            <translation>ONE Cleaner 保存的关于您的全部信息已保存到 %1。</translation>
        </message>
        <message>
            <source>Service notice</source>
            <translation>服务公告</translation>
        </message>
        <message>
            <source>&amp;Export my data…</source>
            <translation>导出我的数据(&amp;E)…</translation>
        </message>
        <message>
            <source>The deletion date (%1) has passed: your personal information is deleted from this device when ONE Cleaner next starts.</source>
            <translation>删除日期（%1）已过：ONE Cleaner 下次启动时将从本设备上删除您的个人信息。</translation>
        </message>
    </context>
    <context>
        <name>PolicyDialog</name>
        <message>
            <source>Privacy policy</source>
            <translation>隐私政策</translation>
        </message>
        <message>
            <source>Privacy policy text</source>
            <translation>隐私政策全文</translation>
        </message>
        <message>
            <source>The privacy policy could not be read.</source>
            <translation>无法读取隐私政策。</translation>
        </message>
        <message>
            <source>Version %1, in effect since %2</source>
            <translation>版本 %1，自 %2 起生效</translation>
        </message>
    </context>
    <context>
        <name>PrivacyPanel</name>
        <message>
            <source>Privacy message</source>
            <translation>隐私提示</translation>
        </message>
        <message>
            <source>What ONE Cleaner may record</source>
            <translation>ONE Cleaner 可以记录的内容</translation>
        </message>
        <message>
            <source>Each choice is off until you turn it on, and cleaning works the same either way. Turning a choice off erases what was recorded for it.</source>
            <translation>每一项在您开启之前都是关闭的，无论开启与否，清理功能都一样。关闭某一项会清除为其记录的内容。</translation>
        </message>
        <message>
            <source>Privacy policy</source>
            <translation>隐私政策</translation>
        </message>
        <message>
            <source>Read the &amp;policy…</source>
            <translation>阅读隐私政策(&amp;P)…</translation>
        </message>
        <message>
            <source>Where your data lives</source>
            <translation>您的数据存放位置</translation>
        </message>
        <message>
            <source>&amp;Open folder</source>
            <translation>打开文件夹(&amp;O)</translation>
        </message>
        <message>
            <source>Keep the activity log for</source>
            <translation>活动日志保留时间</translation>
        </message>
        <message>
            <source>&amp;View the activity log…</source>
            <translation>查看活动日志(&amp;V)…</translation>
        </message>
        <message>
            <source>Folder:</source>
            <translation>文件夹：</translation>
        </message>
        <message>
            <source>Keys:</source>
            <translation>密钥：</translation>
        </message>
        <message>
            <source>Activity log:</source>
            <translation>活动日志：</translation>
        </message>
        <message>
            <source>&amp;Keep the log for:</source>
            <translation>日志保留(&amp;K)：</translation>
        </message>
        <message>
            <source>Your data</source>
            <translation>您的数据</translation>
        </message>
        <message>
            <source>E&amp;xport my data…</source>
            <translation>导出我的数据(&amp;X)…</translation>
        </message>
        <message>
            <source>&amp;Delete all my data…</source>
            <translation>删除我的全部数据(&amp;D)…</translation>
        </message>
        <message>
            <source>Service notice</source>
            <translation>服务公告</translation>
        </message>
        <message>
            <source>&amp;Install notice file…</source>
            <translation>安装通知文件(&amp;I)…</translation>
        </message>
        <message>
            <source>Install a service notice signed by the vendor (a .json file it sent you).</source>
            <translation>安装由厂商签名的服务通知（厂商发给您的 .json 文件）。</translation>
        </message>
        <message numerus="yes">
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n 天</numerusform>
            </translation>
        </message>
        <message>
            <source>Version %1, in effect since %2.</source>
            <translation>版本 %1，自 %2 起生效。</translation>
        </message>
        <message>
            <source>Never turned on.</source>
            <translation>从未开启。</translation>
        </message>
        <message>
            <source>Allowed on %1 under an older policy (version %2): turn it on again to allow it under the current one.</source>
            <translation>已于 %1 在旧版政策（版本 %2）下允许：请重新开启，以在当前政策下允许。</translation>
        </message>
        <message>
            <source>Allowed on %1 (policy version %2).</source>
            <translation>已于 %1 允许（政策版本 %2）。</translation>
        </message>
        <message>
            <source>Off since %1.</source>
            <translation>自 %1 起关闭。</translation>
        </message>
        <message>
            <source>Protected by the system keychain (%1).</source>
            <translation>由系统钥匙串保护（%1）。</translation>
        </message>
        <message>
            <source>No system keychain is available: the key is a private file in the data folder (%1).</source>
            <translation>没有可用的系统钥匙串：密钥是数据文件夹中的一个私有文件（%1）。</translation>
        </message>
        <message>
            <source>Records kept encrypted: %1</source>
            <translation>已加密保存的记录：%1 条</translation>
        </message>
        <message>
            <source>Install a service notice</source>
            <translation>安装服务通知</translation>
        </message>
        <message>
            <source>Service notices (*.json);;All files (*)</source>
            <translation>服务通知 (*.json);;所有文件 (*)</translation>
        </message>
        <message>
            <source>The notice was not installed: %1</source>
            <translation>通知未安装：%1</translation>
        </message>
        <message>
            <source>The notice file could not be read: %1</source>
            <translation>无法读取通知文件：%1</translation>
        </message>
        <message>
            <source>The service notice “%1” is installed.</source>
            <translation>服务通知“%1”已安装。</translation>
        </message>
        <message>
            <source>No end-of-service notice: the service runs normally.</source>
            <translation>没有停止运营公告：服务正常运行。</translation>
        </message>
        <message>
            <source>Contact: %1</source>
            <translation>联系方式：%1</translation>
        </message>
        <message>
            <source>%1 is on.</source>
            <translation>“%1”已开启。</translation>
        </message>
        <message>
            <source>%1 is off; what was recorded for it has been erased.</source>
            <translation>“%1”已关闭；为其记录的内容已清除。</translation>
        </message>
        <message>
            <source>Your choice could not be saved: %1</source>
            <translation>无法保存您的选择：%1</translation>
        </message>
        <message numerus="yes">
            <source>Kept for %n day(s).</source>
            <translation>
                <numerusform>保留 %n 天。</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete all my data</source>
            <translation>删除我的全部数据</translation>
        </message>
        <message>
            <source>Not everything could be deleted: %1</source>
            <translation>未能全部删除：%1</translation>
        </message>
        <message>
            <source>All your data was deleted from this device.</source>
            <translation>您的全部数据已从本设备上删除。</translation>
        </message>
        <message>
            <source>Delete everything ONE Cleaner holds about you on this device: your choices, registration, activity log, identifier, settings and log files? The keys are destroyed, so nothing can be recovered. Cleaning keeps working.</source>
            <translation>要删除 ONE Cleaner 在本设备上保存的关于您的全部信息吗？包括您的选择、注册信息、活动日志、标识符、设置和日志文件。密钥会被销毁，因此无法恢复。清理功能仍可使用。</translation>
        </message>
    </context>
    <context>
        <name>Purpose</name>
        <message>
            <source>Activity history</source>
            <translation>活动历史</translation>
        </message>
        <message>
            <source>Diagnostics</source>
            <translation>诊断信息</translation>
        </message>
        <message>
            <source>Usage statistics</source>
            <translation>使用统计</translation>
        </message>
        <message>
            <source>An encrypted record, on this device, of your scans and cleans: when, which targets, how much was freed. Lets you look back at what was removed.</source>
            <translation>在本设备上加密记录您的扫描和清理：时间、项目、释放的空间。方便您回顾删除了什么。</translation>
        </message>
        <message>
            <source>Errors together with device information (operating system, versions, memory), kept encrypted on this device to help understand a problem.</source>
            <translation>错误信息及设备信息（操作系统、版本、内存），加密保存在本设备上，用于帮助分析问题。</translation>
        </message>
        <message>
            <source>Which features are used, with a random install identifier that you can reset or turn off, kept encrypted on this device.</source>
            <translation>使用了哪些功能，附带一个您可以重置或关闭的随机安装标识符，加密保存在本设备上。</translation>
        </message>
    </context>
    <context>
        <name>RegistrationBox</name>
        <message>
            <source>Registration (optional)</source>
            <translation>注册（可选）</translation>
        </message>
        <message>
            <source>Registering is optional and changes nothing in how ONE Cleaner cleans. Your e-mail and phone number are stored encrypted on this device only.</source>
            <translation>注册是可选的，不会影响 ONE Cleaner 的清理功能。您的电子邮箱和手机号码仅加密保存在本设备上。</translation>
        </message>
        <message>
            <source>name@example.org</source>
            <translation>name@example.org</translation>
        </message>
        <message>
            <source>E-mail address</source>
            <translation>电子邮箱地址</translation>
        </message>
        <message>
            <source>+8613812345678 or 13812345678</source>
            <translation>+8613812345678 或 13812345678</translation>
        </message>
        <message>
            <source>Phone number</source>
            <translation>手机号码</translation>
        </message>
        <message>
            <source>Registration problem</source>
            <translation>注册问题</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>编辑(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Save registration</source>
            <translation>保存注册信息(&amp;S)</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>De&amp;lete registration…</source>
            <translation>删除注册信息(&amp;L)…</translation>
        </message>
        <message>
            <source>E-mail:</source>
            <translation>电子邮箱：</translation>
        </message>
        <message>
            <source>Phone:</source>
            <translation>手机号码：</translation>
        </message>
        <message>
            <source>&amp;E-mail:</source>
            <translation>电子邮箱(&amp;E)：</translation>
        </message>
        <message>
            <source>P&amp;hone:</source>
            <translation>手机号码(&amp;H)：</translation>
        </message>
        <message>
            <source>(could not be read)</source>
            <translation>（无法读取）</translation>
        </message>
        <message>
            <source>not given</source>
            <translation>未填写</translation>
        </message>
        <message>
            <source>Enter an e-mail address, a phone number, or both.</source>
            <translation>请输入电子邮箱、手机号码或两者。</translation>
        </message>
        <message>
            <source>This phone number is not valid. Use the international form (+8613812345678) or a Chinese mobile number (13812345678).</source>
            <translation>手机号码无效。请使用国际格式（+8613812345678）或中国大陆手机号码（13812345678）。</translation>
        </message>
        <message>
            <source>This e-mail address is not valid (for example: name@example.org).</source>
            <translation>电子邮箱地址无效（例如：name@example.org）。</translation>
        </message>
        <message>
            <source>The registration could not be saved: %1</source>
            <translation>无法保存注册信息：%1</translation>
        </message>
        <message>
            <source>Your registration was saved (encrypted).</source>
            <translation>您的注册信息已（加密）保存。</translation>
        </message>
        <message>
            <source>Delete registration</source>
            <translation>删除注册信息</translation>
        </message>
        <message>
            <source>Delete your e-mail address and phone number from this device?</source>
            <translation>要从本设备上删除您的电子邮箱和手机号码吗？</translation>
        </message>
        <message>
            <source>The registration could not be deleted: %1</source>
            <translation>无法删除注册信息：%1</translation>
        </message>
        <message>
            <source>Your registration was deleted.</source>
            <translation>您的注册信息已删除。</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Settings pages</source>
            <translation>设置页面</translation>
        </message>
        <message>
            <source>&amp;General</source>
            <translation>常规(&amp;G)</translation>
        </message>
        <message>
            <source>&amp;Privacy</source>
            <translation>隐私(&amp;P)</translation>
        </message>
        <message>
            <source>A&amp;bout and help</source>
            <translation>关于和帮助(&amp;B)</translation>
        </message>
        <message>
            <source>Start at login</source>
            <translation>登录时启动</translation>
        </message>
        <message>
            <source>Settings not saved</source>
            <translation>设置未保存</translation>
        </message>
        <message>
            <source>The settings could not be saved: %1</source>
            <translation>无法保存设置：%1</translation>
        </message>
    </context>
    <context>
        <name>Sidebar</name>
        <message>
            <source>Pages</source>
            <extracomment>Widths of the sidebar, full and compact (icons only).</extracomment>
            <translation>页面</translation>
        </message>
        <message>
            <source>Navigation</source>
            <translation>导航</translation>
        </message>
    </context>
    <context>
        <name>SpaceChart</name>
        <message>
            <source>Space by category</source>
            <extracomment>The most bars the chart draws; smaller categories are summed into "Other".</extracomment>
            <translation>各类别的空间</translation>
        </message>
        <message>
            <source>nothing to show</source>
            <translation>没有可显示的内容</translation>
        </message>
        <message>
            <source>Nothing yet</source>
            <translation>暂无内容</translation>
        </message>
    </context>
    <context>
        <name>SummaryView</name>
        <message>
            <source>Choose what to clean, then press Scan.</source>
            <translation>选择要清理的内容，然后点击“扫描”。</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>摘要</translation>
        </message>
        <message>
            <source>Details of the summary</source>
            <translation>摘要详情</translation>
        </message>
        <message>
            <source>Reclaimable space by category</source>
            <translation>各类别可释放的空间</translation>
        </message>
        <message>
            <source>Free disk space</source>
            <translation>磁盘可用空间</translation>
        </message>
        <message>
            <source>&amp;Export results…</source>
            <translation>导出结果(&amp;E)…</translation>
        </message>
        <message>
            <source>Export results as CSV or JSON</source>
            <translation>将结果导出为 CSV 或 JSON</translation>
        </message>
        <message>
            <source>Export results (Ctrl+E)</source>
            <translation>导出结果 (Ctrl+E)</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>Free space on {0}: {1} before, {2} after ({3})</source>
            <translation>{0} 的可用空间：清理前 {1}，清理后 {2}（{3}）</translation>
        </message>
        <message>
            <source>Free space on {0}: {1} now, about {2} after cleaning (+{3})</source>
            <translation>{0} 的可用空间：当前 {1}，清理后约 {2}（+{3}）</translation>
        </message>
        <message>
            <source>Free space on {0}: {1} now</source>
            <translation>{0} 的可用空间：当前 {1}</translation>
        </message>
    </context>
    <context>
        <name>TraceNote</name>
        <message>
            <source>Browser traces are not caches</source>
            <translation>浏览痕迹不是缓存</translation>
        </message>
        <message>
            <source>Edit the &amp;keep-list</source>
            <translation>编辑保留名单(&amp;K)</translation>
        </message>
        <message>
            <source>&amp;Got it</source>
            <translation>知道了(&amp;G)</translation>
        </message>
        <message>
            <source>Hide this note</source>
            <translation>隐藏此提示</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <source>%1: %2.</source>
            <translation>%1：%2。</translation>
        </message>
        <message>
            <source>%1 %2</source>
            <translation>%1%2</translation>
        </message>
        <message>
            <source>Close the browsers before cleaning: a running browser's traces are left alone.</source>
            <translation>清理前请关闭浏览器：正在运行的浏览器的痕迹不会被清理。</translation>
        </message>
    </context>
    <context>
        <name>TracesLayout</name>
        <message>
            <source>Browser traces</source>
            <translation>浏览痕迹</translation>
        </message>
        <message>
            <source>&amp;Scan again</source>
            <translation>重新扫描(&amp;S)</translation>
        </message>
        <message>
            <source>Count the browsers' traces again</source>
            <translation>重新统计浏览器的痕迹</translation>
        </message>
        <message>
            <source>What your browsers keep about the sites you visit, in every profile. Nothing is removed until you tick it and press Clean; saved passwords, bookmarks and site settings always stay.</source>
            <translation>您的浏览器在每个配置文件中记录的访问痕迹。只有勾选并点击“清理”后才会删除；已保存的密码、书签和网站设置始终保留。</translation>
        </message>
        <message>
            <source>Browsers and their traces</source>
            <translation>浏览器及其痕迹</translation>
        </message>
        <message>
            <source>Tick the traces to clean; press Space to tick the current one.</source>
            <translation>勾选要清理的痕迹；按空格键勾选当前项。</translation>
        </message>
        <message>
            <source>No supported browser was found on this computer (Chromium, Google Chrome, Microsoft Edge, Brave, Opera, Vivaldi, Firefox).</source>
            <translation>这台电脑上没有找到支持的浏览器（Chromium、Google Chrome、Microsoft Edge、Brave、Opera、Vivaldi、Firefox）。</translation>
        </message>
        <message>
            <source>What is happening</source>
            <translation>当前状态</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>进度</translation>
        </message>
        <message>
            <source>Cance&amp;l</source>
            <translation>取消(&amp;L)</translation>
        </message>
        <message>
            <source>Cancel the running scan or clean</source>
            <translation>取消正在进行的扫描或清理</translation>
        </message>
        <message>
            <source>&amp;Clean…</source>
            <translation>清理(&amp;C)…</translation>
        </message>
        <message>
            <source>Clean the ticked traces</source>
            <translation>清理勾选的痕迹</translation>
        </message>
    </context>
    <context>
        <name>TracesPage</name>
        <message>
            <source>No browser traces to count.</source>
            <extracomment>The most "left alone" lines the results name; the rest are counted.</extracomment>
            <translation>没有可统计的浏览痕迹。</translation>
        </message>
        <message>
            <source>Counting the browsers' traces…</source>
            <translation>正在统计浏览器的痕迹…</translation>
        </message>
        <message>
            <source>Tick the traces to clean first.</source>
            <translation>请先勾选要清理的痕迹。</translation>
        </message>
        <message>
            <source>Nothing was cleaned.</source>
            <translation>没有清理任何内容。</translation>
        </message>
        <message>
            <source>Nothing to clean: the ticked traces hold no records now.</source>
            <translation>没有可清理的内容：勾选的痕迹目前没有记录。</translation>
        </message>
        <message>
            <source>Cleaning…</source>
            <translation>正在清理…</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <source>Closing the browsers…</source>
            <translation>正在关闭浏览器…</translation>
        </message>
        <message>
            <source>Counting cancelled: the figures are incomplete.</source>
            <translation>统计已取消：数字不完整。</translation>
        </message>
        <message numerus="yes">
            <source>%Ln record(s) found in the browsers.</source>
            <translation>
                <numerusform>在浏览器中找到 %Ln 条记录。</numerusform>
            </translation>
        </message>
        <message>
            <source>Browsers still running</source>
            <translation>浏览器仍在运行</translation>
        </message>
        <message numerus="yes">
            <source>%n browser(s) did not close: %1. Their traces are left alone.</source>
            <translation>
                <numerusform>%1 没有关闭，其痕迹未被清理。</numerusform>
            </translation>
        </message>
        <message>
            <source>Done.</source>
            <translation>完成。</translation>
        </message>
        <message>
            <source>Stopped by an error: %1</source>
            <translation>因错误而停止：%1</translation>
        </message>
        <message>
            <source>Tick what to clean: nothing is ticked at first.</source>
            <translation>勾选要清理的内容：默认不勾选任何项目。</translation>
        </message>
        <message>
            <source>Cleaning the ticked traces:</source>
            <translation>清理勾选的痕迹后：</translation>
        </message>
        <message>
            <source>%1 %2</source>
            <translation>%1%2</translation>
        </message>
        <message numerus="yes">
            <source>%n browser(s) running: %1. Their traces cannot be counted or cleaned while they run: close them (unsaved work in them may be lost) or leave them be.</source>
            <translation>
                <numerusform>正在运行的浏览器：%1。运行期间无法统计或清理其痕迹：可以关闭它们（其中未保存的内容可能丢失），或者保持原样。</numerusform>
            </translation>
        </message>
        <message>
            <source>Close %1</source>
            <translation>关闭 %1</translation>
        </message>
        <message>
            <source>Nothing was left alone.</source>
            <translation>所有项目都已处理。</translation>
        </message>
        <message numerus="yes">
            <source>%Ln database(s) left alone:</source>
            <translation>
                <numerusform>%Ln 个数据库未处理：</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TreemapWidget</name>
        <message>
            <source>Map of folder sizes</source>
            <extracomment>Space between a tile's edge and its words.</extracomment>
            <translation>文件夹大小占用图</translation>
        </message>
        <message>
            <source>%1 of %2</source>
            <translation>占 %2 的 %1</translation>
        </message>
        <message numerus="yes">
            <source>%Ln file(s)</source>
            <translation>
                <numerusform>%Ln 个文件</numerusform>
            </translation>
        </message>
        <message>
            <source>Could not be read entirely: what is inside is not counted.</source>
            <translation>无法完整读取：其中的内容未计入。</translation>
        </message>
        <message>
            <source>Click to open it.</source>
            <translation>点击打开。</translation>
        </message>
        <message>
            <source>Files directly in %1</source>
            <translation>直接位于 %1 中的文件</translation>
        </message>
        <message numerus="yes">
            <source>%Ln smaller folder(s) in %1</source>
            <translation>
                <numerusform>%1 中另有 %Ln 个较小的文件夹</numerusform>
            </translation>
        </message>
        <message>
            <source>Still being scanned in %1</source>
            <translation>%1 中仍在扫描的部分</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>文件</translation>
        </message>
        <message numerus="yes">
            <source>%Ln more</source>
            <translation>
                <numerusform>另 %Ln 个</numerusform>
            </translation>
        </message>
        <message>
            <source>Scanning…</source>
            <translation>正在扫描…</translation>
        </message>
    </context>
    <context>
        <name>i18n</name>
        <message>
            <source>System language</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
    </context>
    <context>
        <name>pages</name>
        <message>
            <source>Clean</source>
            <translation>清理</translation>
        </message>
        <message>
            <source>History</source>
            <extracomment>How many journal records the page decrypts at most (the retention keeps far fewer).</extracomment>
            <translation>历史</translation>
        </message>
        <message>
            <source>Home</source>
            <translation>主页</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>The settings cannot open: the privacy data could not be read.</source>
            <translation>无法打开设置：无法读取隐私数据。</translation>
        </message>
        <message>
            <source>Disk usage</source>
            <translation>磁盘占用</translation>
        </message>
        <message>
            <source>Browser traces</source>
            <translation>浏览痕迹</translation>
        </message>
    </context>
    <context>
        <name>units</name>
        <message>
            <source>B</source>
            <translation>字节</translation>
        </message>
        <message>
            <source>KiB</source>
            <translation>KiB</translation>
        </message>
        <message>
            <source>MiB</source>
            <translation>MiB</translation>
        </message>
        <message>
            <source>GiB</source>
            <translation>GiB</translation>
        </message>
        <message>
            <source>TiB</source>
            <translation>TiB</translation>
        </message>
        <message>
            <source>PiB</source>
            <translation>PiB</translation>
        </message>
    </context>
    <context>
        <name>confirm</name>
        <message numerus="yes">
            <source>The files of the %n running program(s) cannot be cleaned while they run: skip them and clean the rest, or close the program(s) (asked to quit politely; unsaved work may be lost) and clean everything.</source>
            <translation>
                <numerusform>程序运行时无法清理其文件。您可以跳过这些文件并清理其余内容，或者关闭程序（会礼貌地请求其退出；未保存的工作可能会丢失）后清理全部内容。</numerusform>
            </translation>
        </message>
        <message>
            <source>The quick clean holds items that need care:</source>
            <translation>快速清理包含需要留意的项目：</translation>
        </message>
        <message>
            <source>You chose them in Settings; a quick clean removes them without a review.</source>
            <translation>这些项目是您在设置中选择的；快速清理会不经查看直接删除它们。</translation>
        </message>
        <message>
            <source>Run the quick clean now?</source>
            <translation>现在运行快速清理吗？</translation>
        </message>
        <message>
            <source>Confirm cleaning</source>
            <translation>确认清理</translation>
        </message>
        <message>
            <source>&amp;Clean</source>
            <translation>清理(&amp;C)</translation>
        </message>
        <message numerus="yes">
            <source>Move %Ln file(s) (%1) to the trash?</source>
            <translation>
                <numerusform>要将 %Ln 个文件（%1）移到回收站吗？</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Delete %Ln file(s) (%1) permanently?</source>
            <translation>
                <numerusform>要永久删除 %Ln 个文件（%1）吗？</numerusform>
            </translation>
        </message>
        <message>
            <source>Not caches: nothing rebuilds these, and you lose what they hold:</source>
            <translation>以下不是缓存：不会重新生成，其中的内容将丢失：</translation>
        </message>
        <message numerus="yes">
            <source>%Ln file(s) you unticked stay.</source>
            <translation>
                <numerusform>您取消勾选的 %Ln 个文件将保留。</numerusform>
            </translation>
        </message>
        <message>
            <source>Caches are rebuilt by their programs when needed.</source>
            <translation>缓存会在需要时由相应程序重新生成。</translation>
        </message>
        <message numerus="yes">
            <source>Move “%1” (%Ln file(s), %2) to the trash?</source>
            <translation>
                <numerusform>将“%1”（%Ln 个文件，%2）移到回收站？</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Delete “%1” (%Ln file(s), %2) permanently?</source>
            <translation>
                <numerusform>永久删除“%1”（%Ln 个文件，%2）？</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Move the %Ln file(s) (%1) in “%2” to the trash?</source>
            <translation>
                <numerusform>将“%2”中的 %Ln 个文件（%1）移到回收站？</numerusform>
            </translation>
        </message>
        <message>
            <source>Build output (node_modules, target, .venv…): its project's build makes it again when needed.</source>
            <translation>构建产物（node_modules、target、.venv…）：需要时项目的构建会重新生成它们。</translation>
        </message>
        <message>
            <source>These are your own files, not caches: nothing makes them again.</source>
            <translation>这些是您自己的文件，不是缓存：没有程序会重新生成它们。</translation>
        </message>
        <message>
            <source>They stay in the trash until you empty it, and can be put back.</source>
            <translation>它们会留在回收站中，直到您清空回收站，也可以还原。</translation>
        </message>
        <message>
            <source>Deleted permanently, they cannot be restored.</source>
            <translation>永久删除后无法恢复。</translation>
        </message>
        <message>
            <source>The folders stay, emptied; version-control data, links and files in use stay too.</source>
            <translation>文件夹本身会保留（清空后）；版本控制数据、链接和正在使用的文件也会保留。</translation>
        </message>
        <message numerus="yes">
            <source>%Ln item(s) you unticked stay.</source>
            <translation>
                <numerusform>您取消勾选的 %Ln 个项目会保留。</numerusform>
            </translation>
        </message>
        <message>
            <source>A copy of each browser database goes to the trash first.</source>
            <translation>每个浏览器数据库会先复制一份到回收站。</translation>
        </message>
        <message>
            <source>Move to &amp;trash</source>
            <translation>移到回收站(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>删除(&amp;D)</translation>
        </message>
        <message>
            <source>Programs are running</source>
            <translation>有程序正在运行</translation>
        </message>
        <message>
            <source>&amp;Skip their files</source>
            <translation>跳过其文件(&amp;S)</translation>
        </message>
        <message>
            <source>Close &amp;them and clean</source>
            <translation>关闭它们并清理(&amp;T)</translation>
        </message>
        <message>
            <source>Quick clean</source>
            <translation>快速清理</translation>
        </message>
        <message>
            <source>CSV (*.csv);;JSON (*.json)</source>
            <translation>CSV (*.csv);;JSON (*.json)</translation>
        </message>
        <message numerus="yes">
            <source>Remove %Ln browser record(s) from %1?</source>
            <translation>
                <numerusform>要从 %1 中删除 %Ln 条浏览器记录吗？</numerusform>
            </translation>
        </message>
        <message>
            <source>They stay in the trash until you empty it.</source>
            <translation>它们会留在回收站中，直到您清空回收站。</translation>
        </message>
        <message numerus="yes">
            <source>%n program(s) running: %1.</source>
            <translation>
                <numerusform>%1 正在运行。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Also %Ln browser record(s) from %1.</source>
            <translation>
                <numerusform>另外还会删除 %1 中的 %Ln 条浏览器记录。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>models</name>
        <message>
            <source>not found</source>
            <translation>未找到</translation>
        </message>
        <message>
            <source>Not found on this computer: none of its folders exist here.</source>
            <translation>此电脑上未找到：它的文件夹都不存在。</translation>
        </message>
        <message>
            <source>Safe</source>
            <translation>安全</translation>
        </message>
        <message>
            <source>Care</source>
            <translation>留意</translation>
        </message>
        <message>
            <source>Privacy</source>
            <translation>隐私</translation>
        </message>
        <message>
            <source>Safe: regenerable cache, nothing you would miss</source>
            <translation>安全：可重新生成的缓存，删除后不会有影响</translation>
        </message>
        <message>
            <source>Care: you may notice it is gone (recent files, logs, trash)</source>
            <translation>留意：删除后您可能会察觉（最近文件、日志、回收站）</translation>
        </message>
        <message>
            <source>Privacy: history or cookie-like data</source>
            <translation>隐私：历史记录或类似 Cookie 的数据</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Frees</source>
            <translation>可释放</translation>
        </message>
        <message>
            <source>Modified</source>
            <translation>修改时间</translation>
        </message>
        <message>
            <source>Left alone</source>
            <translation>未处理</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>原因</translation>
        </message>
        <message numerus="yes">
            <source>%Ln record(s)</source>
            <translation>
                <numerusform>%Ln 条记录</numerusform>
            </translation>
        </message>
        <message>
            <source>What to clean</source>
            <translation>清理什么</translation>
        </message>
        <message>
            <source>Risk</source>
            <translation>风险</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>文件数</translation>
        </message>
        <message>
            <source>all selected</source>
            <translation>全部选中</translation>
        </message>
        <message>
            <source>none selected</source>
            <translation>未选中</translation>
        </message>
        <message>
            <source>some selected</source>
            <translation>部分选中</translation>
        </message>
    </context>
    <context>
        <name>Candidates</name>
        <message>
            <source>Project</source>
            <translation>项目</translation>
        </message>
        <message>
            <source>Frees</source>
            <translation>可释放</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>文件数</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Build output</source>
            <translation>构建产物</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Project changed</source>
            <translation>项目修改时间</translation>
        </message>
        <message>
            <source>Last used</source>
            <translation>上次使用</translation>
        </message>
    </context>
    <context>
        <name>FolderList</name>
        <message>
            <source>Folder</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>Share</source>
            <translation>占比</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>文件数</translation>
        </message>
        <message>
            <source>Could not be read entirely: what is inside is not counted.</source>
            <translation>无法完整读取：其中的内容未计入。</translation>
        </message>
        <message numerus="yes">
            <source>%Ln file(s) directly in this folder</source>
            <translation>
                <numerusform>直接位于此文件夹中的 %Ln 个文件</numerusform>
            </translation>
        </message>
        <message>
            <source>(files in this folder)</source>
            <translation>（此文件夹中的文件）</translation>
        </message>
    </context>
    <context>
        <name>DiskUsage</name>
        <message numerus="yes">
            <source>%Ln day(s)</source>
            <translation>
                <numerusform>%Ln 天</numerusform>
            </translation>
        </message>
        <message>
            <source>Installer or disk image</source>
            <translation>安装程序或磁盘映像</translation>
        </message>
        <message>
            <source>Hard link: frees nothing alone</source>
            <translation>硬链接：单独删除不释放空间</translation>
        </message>
        <message numerus="yes">
            <source>An installer or disk image in Downloads, older than %Ln days.</source>
            <translation>
                <numerusform>“下载”中超过 %Ln 天的安装程序或磁盘映像。</numerusform>
            </translation>
        </message>
        <message>
            <source>Another name (hard link) of this file stays, so removing it frees nothing.</source>
            <translation>此文件的另一个名称（硬链接）仍然存在，因此删除它不会释放空间。</translation>
        </message>
        <message numerus="yes">
            <source>Search cancelled: %Ln item(s) found so far</source>
            <translation>
                <numerusform>查找已取消：目前找到 %Ln 个项目</numerusform>
            </translation>
        </message>
        <message>
            <source>Scan cancelled: the sizes are what was counted so far.</source>
            <translation>扫描已取消：显示的大小是目前已统计的部分。</translation>
        </message>
        <message>
            <source>Scan finished.</source>
            <translation>扫描完成。</translation>
        </message>
        <message numerus="yes">
            <source>Scanning: %Ln file(s), %1</source>
            <translation>
                <numerusform>正在扫描：%Ln 个文件，%1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Searching: %Ln file(s) looked at, %1 found</source>
            <translation>
                <numerusform>正在查找：已查看 %Ln 个文件，找到 %1</numerusform>
            </translation>
        </message>
        <message>
            <source>Large files</source>
            <translation>大文件</translation>
        </message>
        <message>
            <source>Old files</source>
            <translation>旧文件</translation>
        </message>
        <message>
            <source>Build artefacts</source>
            <translation>构建产物</translation>
        </message>
        <message>
            <source>Files not used for %1 in your Downloads and Desktop folders, and installers and disk images in Downloads older than %2. They go to the trash.</source>
            <translation>“下载”和“桌面”文件夹中 %1 未使用的文件，以及“下载”中超过 %2 的安装程序和磁盘映像。它们会被移到回收站。</translation>
        </message>
        <message>
            <source>Files not used for %1 in %3, and installers and disk images in Downloads older than %2. They go to the trash.</source>
            <translation>%3 中 %1 未使用的文件，以及“下载”中超过 %2 的安装程序和磁盘映像。它们会被移到回收站。</translation>
        </message>
        <message numerus="yes">
            <source>Build output the projects in %1 can make again (node_modules, target, .venv, __pycache__…), per project. Projects changed in the last %Ln days are not ticked.</source>
            <translation>
                <numerusform>%1 中各项目可以重新生成的构建产物（node_modules、target、.venv、__pycache__…），按项目列出。最近 %Ln 天内修改过的项目不会被勾选。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Project changed in the last %Ln days</source>
            <translation>
                <numerusform>项目在最近 %Ln 天内有修改</numerusform>
            </translation>
        </message>
        <message>
            <source>In a hidden folder: look first</source>
            <translation>位于隐藏文件夹中：请先查看</translation>
        </message>
        <message>
            <source>Part of its project is unreadable</source>
            <translation>项目的部分内容无法读取</translation>
        </message>
        <message>
            <source>Search stopped before its project</source>
            <translation>查找在读完其项目之前停止</translation>
        </message>
        <message numerus="yes">
            <source>Its project changed in the last %Ln days: it may be in use.</source>
            <translation>
                <numerusform>它的项目在最近 %Ln 天内有修改：可能仍在使用。</numerusform>
            </translation>
        </message>
        <message>
            <source>It is in a hidden folder, where programs keep their data: check what it is before removing it.</source>
            <translation>它位于程序存放数据的隐藏文件夹中：删除前请先确认它是什么。</translation>
        </message>
        <message>
            <source>Part of its project could not be read, so when it last changed is unknown.</source>
            <translation>项目的部分内容无法读取，因此不知道它最后修改的时间。</translation>
        </message>
        <message>
            <source>The search stopped before its project was fully read, so when it last changed is unknown.</source>
            <translation>查找在读完其项目之前停止，因此不知道它最后修改的时间。</translation>
        </message>
        <message>
            <source>Nothing found.</source>
            <translation>什么也没找到。</translation>
        </message>
        <message numerus="yes">
            <source>%Ln item(s) found</source>
            <translation>
                <numerusform>找到 %Ln 个项目</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Ticked: %Ln item(s), %1.</source>
            <translation>
                <numerusform>已勾选：%Ln 个项目，%1。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln folder(s) could not be read (hover here for the list).</source>
            <translation>
                <numerusform>%Ln 个文件夹无法读取（将鼠标悬停在此处查看列表）。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Removing: %Ln file(s) done, %1</source>
            <translation>
                <numerusform>正在删除：已处理 %Ln 个文件，%1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The %Ln files that take the most space in %1. They are your own files: they go to the trash, where you can put them back from.</source>
            <translation>
                <numerusform>%1 中占用空间最多的 %Ln 个文件。它们是您自己的文件：会被移到回收站，可以从那里还原。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TracesModel</name>
        <message numerus="yes">
            <source>%Ln record(s)</source>
            <translation>
                <numerusform>%Ln 条记录</numerusform>
            </translation>
        </message>
        <message>
            <source>not scanned</source>
            <translation>未扫描</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>Browser</source>
            <translation>浏览器</translation>
        </message>
        <message>
            <source>browser running</source>
            <translation>浏览器正在运行</translation>
        </message>
        <message>
            <source>Tick to select all of this browser's traces.</source>
            <translation>勾选以选中这个浏览器的全部痕迹。</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message numerus="yes">
            <source>Found in %Ln database(s) of its profiles.</source>
            <translation>
                <numerusform>在其配置文件的 %Ln 个数据库中找到。</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing to remove was found.</source>
            <translation>没有找到可删除的内容。</translation>
        </message>
        <message>
            <source>%1
about %2</source>
            <translation>%1
约 %2</translation>
        </message>
    </context>
    <context>
        <name>skip</name>
        <message>
            <source>in use by a running program</source>
            <translation>正被运行中的程序使用</translation>
        </message>
        <message>
            <source>skipped: {app} is running</source>
            <translation>已跳过：{app} 正在运行</translation>
        </message>
        <message>
            <source>never cleaned: {place}</source>
            <translation>从不清理：{place}</translation>
        </message>
        <message>
            <source>refused: it is {place}</source>
            <translation>已拒绝：它是{place}</translation>
        </message>
        <message>
            <source>refused: resolves into {place}</source>
            <translation>已拒绝：它指向{place}</translation>
        </message>
        <message>
            <source>refused: it contains your home folder</source>
            <translation>已拒绝：它包含您的主文件夹</translation>
        </message>
        <message>
            <source>changed since the scan</source>
            <translation>扫描后已更改</translation>
        </message>
        <message>
            <source>no longer there</source>
            <translation>已不存在</translation>
        </message>
        <message>
            <source>vanished during the scan</source>
            <translation>扫描期间消失</translation>
        </message>
        <message>
            <source>this {what} was replaced by a link during the scan (not followed)</source>
            <translation>扫描期间此{what}被替换为链接（未跟随）</translation>
        </message>
        <message>
            <source>a folder on its path was replaced by a link or moved since the scan (not followed)</source>
            <translation>扫描后其路径上的某个文件夹被替换为链接或被移动（未跟随）</translation>
        </message>
        <message>
            <source>a link or junction to a folder (not followed)</source>
            <translation>指向文件夹的链接或联接（未跟随）</translation>
        </message>
        <message>
            <source>on another filesystem (not crossed)</source>
            <translation>位于另一个文件系统上（不跨越）</translation>
        </message>
        <message>
            <source>a folder on its path is now on another filesystem</source>
            <translation>其路径上的某个文件夹现在位于另一个文件系统上</translation>
        </message>
        <message>
            <source>a mount point (not crossed)</source>
            <translation>挂载点（不跨越）</translation>
        </message>
        <message>
            <source>owned by another user</source>
            <translation>属于其他用户</translation>
        </message>
        <message>
            <source>already in the trash (move to trash does not empty the trash)</source>
            <translation>已在回收站中（“移到回收站”不会清空回收站）</translation>
        </message>
        <message>
            <source>kept by its item's rules; scan again</source>
            <translation>按其项目的规则保留；请重新扫描</translation>
        </message>
        <message>
            <source>not a plain file path; scan again</source>
            <translation>不是普通文件路径；请重新扫描</translation>
        </message>
        <message>
            <source>not inside its item's folder; scan again</source>
            <translation>不在其项目的文件夹内；请重新扫描</translation>
        </message>
        <message>
            <source>not its item's file; scan again</source>
            <translation>不是其项目的文件；请重新扫描</translation>
        </message>
        <message>
            <source>unknown item: scan again</source>
            <translation>未知项目：请重新扫描</translation>
        </message>
        <message>
            <source>its folder is no longer one of this item's places; scan again</source>
            <translation>其文件夹已不再属于此项目的位置；请重新扫描</translation>
        </message>
        <message>
            <source>its folder now resolves elsewhere; changed since the scan</source>
            <translation>其文件夹现在指向别处；扫描后已更改</translation>
        </message>
        <message>
            <source>cannot read this {what}: permission denied</source>
            <translation>无法读取此{what}：权限不足</translation>
        </message>
        <message>
            <source>too deep to open (too many open folders); this {what} was not scanned</source>
            <translation>层级太深无法打开（打开的文件夹过多）；此{what}未扫描</translation>
        </message>
        <message>
            <source>cannot read this {what}: {error}</source>
            <translation>无法读取此{what}：{error}</translation>
        </message>
        <message>
            <source>could not remove: permission denied</source>
            <translation>无法删除：权限不足</translation>
        </message>
        <message>
            <source>could not remove: {error}</source>
            <translation>无法删除：{error}</translation>
        </message>
        <message>
            <source>could not move to the trash: {cause}</source>
            <translation>无法移到回收站：{cause}</translation>
        </message>
        <message>
            <source>refused: it contains {place}</source>
            <translation>已拒绝：其中包含{place}</translation>
        </message>
        <message>
            <source>the trash would not take it (too large for it, or a drive without one), so it was kept rather than deleted for good</source>
            <translation>回收站无法接收它（文件太大，或该磁盘没有回收站），因此予以保留，而不是永久删除</translation>
        </message>
        <message>
            <source>holds version-control data, so it is not build output</source>
            <translation>其中包含版本控制数据，因此不是构建产物</translation>
        </message>
        <message>
            <source>no longer build output (its project's marker is gone); find again</source>
            <translation>已不再是构建产物（其项目标识文件已不存在）；请重新查找</translation>
        </message>
        <message>
            <source>inside a version-control folder (never removed)</source>
            <translation>位于版本控制文件夹内（绝不删除）</translation>
        </message>
        <message>
            <source>skipped: the database is in use, probably by {app}; close {app} and try again (nothing was changed)</source>
            <translation>已跳过：数据库正在使用中，可能是 {app} 在使用；请关闭 {app} 后重试（未做任何更改）</translation>
        </message>
        <message>
            <source>skipped: {app} {database} database of an unknown layout (schema version {version}; {missing}); nothing was changed</source>
            <translation>已跳过：{app} 的 {database} 数据库结构未知（架构版本 {version}；{missing}）；未做任何更改</translation>
        </message>
        <message>
            <source>not a plain file (a link or a special file); left alone</source>
            <translation>不是普通文件（是链接或特殊文件）；未处理</translation>
        </message>
        <message>
            <source>could not remove its records: {error}; the database is as it was</source>
            <translation>无法删除其记录：{error}；数据库保持原样</translation>
        </message>
        <message>
            <source>records removed, but the database could not be compacted: {error}; the browser compacts it later</source>
            <translation>记录已删除，但数据库无法压缩：{error}；浏览器稍后会自行压缩</translation>
        </message>
        <message>
            <source>refused: {variable} leads to {place}</source>
            <translation>已拒绝：{variable} 指向{place}</translation>
        </message>
        <message>
            <source>refused: {variable} leads into {place}</source>
            <translation>已拒绝：{variable} 指向{place}之内</translation>
        </message>
        <message>
            <source>refused: {variable} leads to a folder that contains {place}</source>
            <translation>已拒绝：{variable} 指向的文件夹包含{place}</translation>
        </message>
        <message>
            <source>refused: {variable} leads to a folder that contains your home folder</source>
            <translation>已拒绝：{variable} 指向的文件夹包含您的主文件夹</translation>
        </message>
        <message>
            <source>the top of a filesystem</source>
            <translation>文件系统的顶层</translation>
        </message>
        <message>
            <source>the top of a drive</source>
            <translation>驱动器的顶层</translation>
        </message>
        <message>
            <source>your home folder</source>
            <translation>您的主文件夹</translation>
        </message>
        <message>
            <source>your {folder} folder</source>
            <translation>您的“{folder}”文件夹</translation>
        </message>
        <message>
            <source>a system folder</source>
            <translation>系统文件夹</translation>
        </message>
        <message>
            <source>ONE Cleaner's own data folder</source>
            <translation>ONE Cleaner 自己的数据文件夹</translation>
        </message>
        <message>
            <source>a fragile cache that must not be emptied</source>
            <translation>不可清空的敏感缓存</translation>
        </message>
        <message>
            <source>your never-touch list</source>
            <translation>您的“从不触碰”列表</translation>
        </message>
        <message>
            <source>{folder}, which holds configuration, keys or personal data</source>
            <translation>{folder}（存放配置、密钥或个人数据）</translation>
        </message>
        <message>
            <source>{folder}, which holds a browser's or mail program's profile</source>
            <translation>{folder}（其中保存着浏览器或邮件程序的配置文件）</translation>
        </message>
        <message>
            <source>file</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>folder</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <source>Desktop</source>
            <translation>桌面</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>文档</translation>
        </message>
        <message>
            <source>Downloads</source>
            <translation>下载</translation>
        </message>
        <message>
            <source>Music</source>
            <translation>音乐</translation>
        </message>
        <message>
            <source>Pictures</source>
            <translation>图片</translation>
        </message>
        <message>
            <source>Videos</source>
            <translation>视频</translation>
        </message>
        <message>
            <source>Templates</source>
            <translation>模板</translation>
        </message>
        <message>
            <source>Public</source>
            <translation>公共</translation>
        </message>
        <message>
            <source>its program was running</source>
            <translation>其程序正在运行</translation>
        </message>
        <message>
            <source>never cleaned: a protected place</source>
            <translation>从不清理：受保护的位置</translation>
        </message>
        <message>
            <source>refused: a protected place</source>
            <translation>已拒绝：受保护的位置</translation>
        </message>
        <message>
            <source>its database was in use</source>
            <translation>其数据库正在使用中</translation>
        </message>
        <message>
            <source>a database of an unknown layout</source>
            <translation>数据库结构未知</translation>
        </message>
        <message>
            <source>could not remove its records</source>
            <translation>无法删除其记录</translation>
        </message>
        <message>
            <source>records removed, database not compacted</source>
            <translation>记录已删除，数据库未压缩</translation>
        </message>
        <message>
            <source>replaced by a link during the scan (not followed)</source>
            <translation>扫描期间被替换为链接（未跟随）</translation>
        </message>
        <message>
            <source>cannot read: permission denied</source>
            <translation>无法读取：权限不足</translation>
        </message>
        <message>
            <source>too deep to open</source>
            <translation>层级太深无法打开</translation>
        </message>
        <message>
            <source>could not be read</source>
            <translation>无法读取</translation>
        </message>
        <message>
            <source>could not remove</source>
            <translation>无法删除</translation>
        </message>
        <message>
            <source>could not move to the trash</source>
            <translation>无法移到回收站</translation>
        </message>
    </context>
    <context>
        <name>traces</name>
        <message>
            <source>Cookies</source>
            <translation>Cookie</translation>
        </message>
        <message>
            <source>History</source>
            <translation>历史记录</translation>
        </message>
        <message>
            <source>Form entries</source>
            <translation>表单记录</translation>
        </message>
        <message>
            <source>you will be signed out of sites not on your keep-list</source>
            <translation>您将退出不在保留名单中的网站的登录</translation>
        </message>
        <message>
            <source>the pages you visited, what you typed in the address bar and searched for, and the downloads list are gone (the downloaded files stay); bookmarks stay</source>
            <translation>您访问过的网页、在地址栏中输入和搜索过的内容以及下载列表都会被删除（已下载的文件保留）；书签保留</translation>
        </message>
        <message>
            <source>the text you typed into web forms is no longer offered again; saved addresses, payment cards and passwords stay</source>
            <translation>您在网页表单中输入过的文字不会再被自动填充；已保存的地址、付款卡和密码保留</translation>
        </message>
        <message>
            <source>Your keep-list is empty: you will be signed out of every site.</source>
            <translation>保留名单为空：您将退出所有网站的登录。</translation>
        </message>
        <message>
            <source>saved login</source>
            <translation>已保存的登录</translation>
        </message>
        <message>
            <source>bookmark</source>
            <translation>书签</translation>
        </message>
        <message>
            <source>Type a domain, such as example.org.</source>
            <translation>请输入一个域名，例如 example.org。</translation>
        </message>
        <message>
            <source>“%1” is a web address or a path: type only its domain, such as example.org.</source>
            <translation>“%1”是网址或路径：请只输入其域名，例如 example.org。</translation>
        </message>
        <message>
            <source>“%1” holds a wildcard: type the domain alone (example.org already keeps its subdomains).</source>
            <translation>“%1”含有通配符：请只输入域名（example.org 已经会保留其子域名）。</translation>
        </message>
        <message>
            <source>“%1” holds a port or a “:”: type only the domain.</source>
            <translation>“%1”含有端口或“:”：请只输入域名。</translation>
        </message>
        <message>
            <source>“%1” is not a domain: it has an empty part between dots.</source>
            <translation>“%1”不是域名：两个点之间有空的部分。</translation>
        </message>
        <message>
            <source>“%1” is not a valid domain name.</source>
            <translation>“%1”不是有效的域名。</translation>
        </message>
        <message>
            <source>“%1” is not a domain: “%2” may hold only letters, digits, “-” and “_”, and at most 63 of them.</source>
            <translation>“%1”不是域名：“%2”只能包含字母、数字、“-”和“_”，且最多 63 个字符。</translation>
        </message>
        <message>
            <source>“%1” is longer than a domain can be (253 characters).</source>
            <translation>“%1”超过了域名的最大长度（253 个字符）。</translation>
        </message>
        <message>
            <source>“%1” is neither a domain nor an IP address.</source>
            <translation>“%1”既不是域名也不是 IP 地址。</translation>
        </message>
        <message numerus="yes">
            <source>Cookies of the %Ln domain(s) on your keep-list stay, so you stay signed in to them: %1.</source>
            <translation>
                <numerusform>保留名单中 %Ln 个域名的 Cookie 会保留，您在这些网站上保持登录：%1。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 and %Ln more</source>
            <translation>
                <numerusform>%1 等（另有 %Ln 个）</numerusform>
            </translation>
        </message>
        <message>
            <source>%1: %2.</source>
            <translation>%1：%2。</translation>
        </message>
    </context>
    <context>
        <name>tray</name>
        <message>
            <source>Your quick selection is empty: nothing was cleaned. Tick what a quick clean removes in Settings.</source>
            <translation>您的快速清理选择为空：未清理任何内容。请在设置中勾选快速清理要删除的项目。</translation>
        </message>
        <message>
            <source>Quick clean: nothing to remove, all clean.</source>
            <translation>快速清理：没有需要删除的内容，已经很干净了。</translation>
        </message>
        <message>
            <source>Quick clean: starting…</source>
            <translation>快速清理：正在开始…</translation>
        </message>
        <message numerus="yes">
            <source>Quick clean stopped: %1 moved to the trash (%Ln file(s)).</source>
            <translation>
                <numerusform>快速清理已停止：已将 %1 移到回收站（%Ln 个文件）。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Quick clean stopped: %1 freed (%Ln file(s)).</source>
            <translation>
                <numerusform>快速清理已停止：已释放 %1（%Ln 个文件）。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Quick clean moved %1 to the trash (%Ln file(s)).</source>
            <translation>
                <numerusform>快速清理已将 %1 移到回收站（%Ln 个文件）。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln item(s) left alone.</source>
            <translation>
                <numerusform>%Ln 个项目未处理。</numerusform>
            </translation>
        </message>
        <message>
            <source>ONE Cleaner tray menu</source>
            <translation>ONE Cleaner 托盘菜单</translation>
        </message>
        <message>
            <source>&amp;History</source>
            <translation>历史(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>设置(&amp;S)…</translation>
        </message>
        <message>
            <source>ONE Cleaner</source>
            <translation>ONE Cleaner</translation>
        </message>
        <message>
            <source>Quick clean failed</source>
            <translation>快速清理失败</translation>
        </message>
        <message>
            <source>Stop the quick clean</source>
            <translation>停止快速清理</translation>
        </message>
        <message>
            <source>&amp;Quick clean</source>
            <translation>快速清理(&amp;Q)</translation>
        </message>
        <message>
            <source>Remove the quick preset's safe junk now</source>
            <translation>立即删除快速清理预设中的安全垃圾文件</translation>
        </message>
        <message>
            <source>Busy: wait for the window's scan or clean.</source>
            <translation>正忙：请等待窗口中的扫描或清理完成。</translation>
        </message>
        <message numerus="yes">
            <source>Quick clean freed %1 (%Ln file(s)).</source>
            <translation>
                <numerusform>快速清理释放了 %1（%Ln 个文件）。</numerusform>
            </translation>
        </message>
        <message>
            <source>Quick clean: scanning, {0} found</source>
            <translation>快速清理：正在扫描，已找到 {0}</translation>
        </message>
        <message numerus="yes">
            <source>Quick clean: %1 of %Ln file(s)</source>
            <translation>
                <numerusform>快速清理：第 %1 个，共 %Ln 个文件</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Open ONE Cleaner</source>
            <translation>打开 ONE Cleaner(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>Next scheduled clean: {0}</source>
            <translation>下次定时清理：{0}</translation>
        </message>
    </context>
    <context>
        <name>catalog</name>
        <message>
            <source>Android Studio</source>
            <translation>Android Studio</translation>
        </message>
        <message>
            <source>Android Studio caches</source>
            <translation>Android Studio 缓存</translation>
        </message>
        <message>
            <source>Caches Android Studio rebuilds on its next start (what 'Invalidate Caches' clears). Your projects, SDKs, emulators and settings are not touched.</source>
            <translation>Android Studio 下次启动时会重建的缓存（即“Invalidate Caches”清除的内容）。不会触碰您的项目、SDK、模拟器和设置。</translation>
        </message>
        <message>
            <source>Brave</source>
            <translation>Brave</translation>
        </message>
        <message>
            <source>Brave cache</source>
            <translation>Brave 缓存</translation>
        </message>
        <message>
            <source>Web pages, scripts and images Brave saved to load sites faster; it downloads them again when needed. Cookies, history, passwords and site data are not touched.</source>
            <translation>Brave 为加快网站加载而保存的网页、脚本和图片；需要时会重新下载。不会触碰 Cookie、历史记录、密码和网站数据。</translation>
        </message>
        <message>
            <source>Brave cookies</source>
            <translation>Brave 的 Cookie</translation>
        </message>
        <message>
            <source>Cookies of every site except the domains on your cookie keep-list: you will be signed out of sites that are not on it. Saved passwords, bookmarks and site data stay.</source>
            <translation>除 Cookie 保留列表中的域名外，所有网站的 Cookie：您将从不在列表中的网站退出登录。已保存的密码、书签和网站数据会保留。</translation>
        </message>
        <message>
            <source>Brave history</source>
            <translation>Brave 历史记录</translation>
        </message>
        <message>
            <source>The pages you visited, what you typed in the address bar and searched for, and the downloads list (the downloaded files stay). Bookmarks and saved passwords stay.</source>
            <translation>您访问过的网页、在地址栏中输入和搜索过的内容，以及下载列表（已下载的文件会保留）。书签和已保存的密码会保留。</translation>
        </message>
        <message>
            <source>Brave form entries</source>
            <translation>Brave 表单记录</translation>
        </message>
        <message>
            <source>Text you typed into web forms, which Brave offers to fill in again. Saved addresses, payment cards and passwords stay.</source>
            <translation>您在网页表单中输入过、Brave 会再次帮您填写的文字。已保存的地址、支付卡和密码会保留。</translation>
        </message>
        <message>
            <source>Bun</source>
            <translation>Bun</translation>
        </message>
        <message>
            <source>Bun install cache</source>
            <translation>Bun 安装缓存</translation>
        </message>
        <message>
            <source>Packages bun install downloaded; it downloads them again when an install needs them. Your projects' node_modules are not touched.</source>
            <translation>bun install 下载的包；安装需要时会重新下载。不会触碰项目中的 node_modules。</translation>
        </message>
        <message>
            <source>Cargo</source>
            <translation>Cargo</translation>
        </message>
        <message>
            <source>Cargo download cache</source>
            <translation>Cargo 下载缓存</translation>
        </message>
        <message>
            <source>Compressed Rust crates Cargo downloaded before; it downloads them again when a build needs them. Your projects and installed tools are not touched.</source>
            <translation>Cargo 之前下载的 Rust crate 压缩包；构建需要时会重新下载。不会触碰您的项目和已安装的工具。</translation>
        </message>
        <message>
            <source>ccache</source>
            <translation>ccache</translation>
        </message>
        <message>
            <source>ccache compiler cache</source>
            <translation>ccache 编译缓存</translation>
        </message>
        <message>
            <source>Compiled objects ccache kept to speed up rebuilds; the next builds compile them again, so they are slower once. Your sources are not touched.</source>
            <translation>ccache 为加快重新构建而保留的编译结果；之后的构建会重新编译，因此会慢一次。不会触碰您的源代码。</translation>
        </message>
        <message>
            <source>Chromium</source>
            <translation>Chromium</translation>
        </message>
        <message>
            <source>Chromium cache</source>
            <translation>Chromium 缓存</translation>
        </message>
        <message>
            <source>Web pages, scripts and images Chromium saved to load sites faster; it downloads them again when needed. Cookies, history, passwords and site data are not touched.</source>
            <translation>Chromium 为加快网站加载而保存的网页、脚本和图片；需要时会重新下载。不会触碰 Cookie、历史记录、密码和网站数据。</translation>
        </message>
        <message>
            <source>Chromium cookies</source>
            <translation>Chromium 的 Cookie</translation>
        </message>
        <message>
            <source>Chromium history</source>
            <translation>Chromium 历史记录</translation>
        </message>
        <message>
            <source>Chromium form entries</source>
            <translation>Chromium 表单记录</translation>
        </message>
        <message>
            <source>Text you typed into web forms, which Chromium offers to fill in again. Saved addresses, payment cards and passwords stay.</source>
            <translation>您在网页表单中输入过、Chromium 会再次帮您填写的文字。已保存的地址、支付卡和密码会保留。</translation>
        </message>
        <message>
            <source>CocoaPods</source>
            <translation>CocoaPods</translation>
        </message>
        <message>
            <source>CocoaPods cache</source>
            <translation>CocoaPods 缓存</translation>
        </message>
        <message>
            <source>Pods and specs CocoaPods downloaded; it downloads them again when a project installs them. Your projects' Pods folders are not touched.</source>
            <translation>CocoaPods 下载的 Pod 和规格文件；项目安装时会重新下载。不会触碰项目中的 Pods 文件夹。</translation>
        </message>
        <message>
            <source>Composer</source>
            <translation>Composer</translation>
        </message>
        <message>
            <source>Composer cache</source>
            <translation>Composer 缓存</translation>
        </message>
        <message>
            <source>PHP packages and package lists Composer downloaded; it downloads them again when an install needs them. Your projects' vendor folders are not touched.</source>
            <translation>Composer 下载的 PHP 包和包列表；安装需要时会重新下载。不会触碰项目中的 vendor 文件夹。</translation>
        </message>
        <message>
            <source>Cursor</source>
            <translation>Cursor</translation>
        </message>
        <message>
            <source>Cursor cache</source>
            <translation>Cursor 缓存</translation>
        </message>
        <message>
            <source>Compiled code, web content and downloaded extension packages Cursor keeps to start faster; it rebuilds them. Your settings, extensions and editor history are not touched.</source>
            <translation>Cursor 为加快启动而保留的已编译代码、网页内容和已下载的扩展安装包；它会重新生成。不会触碰您的设置、扩展和编辑器历史记录。</translation>
        </message>
        <message>
            <source>Deno</source>
            <translation>Deno</translation>
        </message>
        <message>
            <source>Deno cache</source>
            <translation>Deno 缓存</translation>
        </message>
        <message>
            <source>Modules Deno downloaded and code it compiled; it downloads and compiles them again when a program needs them. Your code is not touched.</source>
            <translation>Deno 下载的模块和编译的代码；程序需要时会重新下载和编译。不会触碰您的代码。</translation>
        </message>
        <message>
            <source>Discord</source>
            <translation>Discord</translation>
        </message>
        <message>
            <source>Discord cache</source>
            <translation>Discord 缓存</translation>
        </message>
        <message>
            <source>Images, videos and app code Discord keeps to load chats faster; it downloads them again when needed. You stay signed in and your settings are kept.</source>
            <translation>Discord 为加快聊天加载而保留的图片、视频和应用代码；需要时会重新下载。您会保持登录，设置也会保留。</translation>
        </message>
        <message>
            <source>Dropbox</source>
            <translation>Dropbox</translation>
        </message>
        <message>
            <source>Dropbox cache</source>
            <translation>Dropbox 缓存</translation>
        </message>
        <message>
            <source>Copies of files Dropbox keeps while it syncs (Dropbox empties it itself every few days). The files in your Dropbox folder are not touched.</source>
            <translation>Dropbox 同步时保留的文件副本（Dropbox 每隔几天会自行清空）。不会触碰 Dropbox 文件夹中的文件。</translation>
        </message>
        <message>
            <source>Element</source>
            <translation>Element</translation>
        </message>
        <message>
            <source>Element cache</source>
            <translation>Element 缓存</translation>
        </message>
        <message>
            <source>Web content and app code Element keeps to start faster; it rebuilds them. Your messages and encryption keys are not touched.</source>
            <translation>Element 为加快启动而保留的网页内容和应用代码；它会重新生成。不会触碰您的消息和加密密钥。</translation>
        </message>
        <message>
            <source>Firefox</source>
            <translation>Firefox</translation>
        </message>
        <message>
            <source>Firefox cache</source>
            <translation>Firefox 缓存</translation>
        </message>
        <message>
            <source>Web pages, scripts and images Firefox saved to load sites faster; it downloads them again when needed. Cookies, history, bookmarks, passwords and site data are not touched.</source>
            <translation>Firefox 为加快网站加载而保存的网页、脚本和图片；需要时会重新下载。不会触碰 Cookie、历史记录、书签、密码和网站数据。</translation>
        </message>
        <message>
            <source>Firefox cookies</source>
            <translation>Firefox 的 Cookie</translation>
        </message>
        <message>
            <source>Firefox history</source>
            <translation>Firefox 历史记录</translation>
        </message>
        <message>
            <source>Firefox form entries</source>
            <translation>Firefox 表单记录</translation>
        </message>
        <message>
            <source>Text you typed into web forms and the search bar, which Firefox offers to fill in again. Saved addresses, payment cards and passwords stay.</source>
            <translation>您在网页表单和搜索栏中输入过、Firefox 会再次帮您填写的文字。已保存的地址、支付卡和密码会保留。</translation>
        </message>
        <message>
            <source>Go</source>
            <translation>Go</translation>
        </message>
        <message>
            <source>Go build cache</source>
            <translation>Go 构建缓存</translation>
        </message>
        <message>
            <source>Compiled packages the Go tool keeps to build faster; it compiles them again when needed. Downloaded modules and your code are not touched.</source>
            <translation>Go 工具为加快构建而保留的已编译包；需要时会重新编译。不会触碰已下载的模块和您的代码。</translation>
        </message>
        <message>
            <source>Google Chrome</source>
            <translation>Google Chrome</translation>
        </message>
        <message>
            <source>Google Chrome cache</source>
            <translation>Google Chrome 缓存</translation>
        </message>
        <message>
            <source>Web pages, scripts and images Google Chrome saved to load sites faster; it downloads them again when needed. Cookies, history, passwords and site data are not touched.</source>
            <translation>Google Chrome 为加快网站加载而保存的网页、脚本和图片；需要时会重新下载。不会触碰 Cookie、历史记录、密码和网站数据。</translation>
        </message>
        <message>
            <source>Google Chrome cookies</source>
            <translation>Google Chrome 的 Cookie</translation>
        </message>
        <message>
            <source>Google Chrome history</source>
            <translation>Google Chrome 历史记录</translation>
        </message>
        <message>
            <source>Google Chrome form entries</source>
            <translation>Google Chrome 表单记录</translation>
        </message>
        <message>
            <source>Text you typed into web forms, which Google Chrome offers to fill in again. Saved addresses, payment cards and passwords stay.</source>
            <translation>您在网页表单中输入过、Google Chrome 会再次帮您填写的文字。已保存的地址、支付卡和密码会保留。</translation>
        </message>
        <message>
            <source>Gradle</source>
            <translation>Gradle</translation>
        </message>
        <message>
            <source>Gradle caches</source>
            <translation>Gradle 缓存</translation>
        </message>
        <message>
            <source>Dependencies Gradle downloaded and build outputs it cached. Your next build downloads and rebuilds them, which is slow and needs the network; offline builds fail until then.</source>
            <translation>Gradle 下载的依赖和缓存的构建结果。下次构建会重新下载和构建，速度较慢且需要联网；在此之前离线构建会失败。</translation>
        </message>
        <message>
            <source>Homebrew</source>
            <translation>Homebrew</translation>
        </message>
        <message>
            <source>Homebrew download cache</source>
            <translation>Homebrew 下载缓存</translation>
        </message>
        <message>
            <source>Packages and source archives Homebrew downloaded to install software; it downloads them again when needed. Installed software is not touched.</source>
            <translation>Homebrew 为安装软件而下载的包和源码压缩包；需要时会重新下载。不会触碰已安装的软件。</translation>
        </message>
        <message>
            <source>JetBrains IDEs</source>
            <translation>JetBrains IDE</translation>
        </message>
        <message>
            <source>JetBrains IDE caches</source>
            <translation>JetBrains IDE 缓存</translation>
        </message>
        <message>
            <source>Caches the JetBrains IDEs rebuild on their next start (what 'Invalidate Caches' clears). Your projects, settings and the IDE's local history are not touched.</source>
            <translation>JetBrains IDE 下次启动时会重建的缓存（即“Invalidate Caches”清除的内容）。不会触碰您的项目、设置和 IDE 的本地历史记录。</translation>
        </message>
        <message>
            <source>LibreWolf</source>
            <translation>LibreWolf</translation>
        </message>
        <message>
            <source>LibreWolf cache</source>
            <translation>LibreWolf 缓存</translation>
        </message>
        <message>
            <source>Web pages, scripts and images LibreWolf saved to load sites faster; it downloads them again when needed. Cookies, history, bookmarks, passwords and site data are not touched.</source>
            <translation>LibreWolf 为加快网站加载而保存的网页、脚本和图片；需要时会重新下载。不会触碰 Cookie、历史记录、书签、密码和网站数据。</translation>
        </message>
        <message>
            <source>Maven</source>
            <translation>Maven</translation>
        </message>
        <message>
            <source>Maven local repository</source>
            <translation>Maven 本地仓库</translation>
        </message>
        <message>
            <source>Libraries and plugins Maven downloaded; builds download them again. Artefacts you installed yourself with 'mvn install' are lost and must be built again.</source>
            <translation>Maven 下载的库和插件；构建时会重新下载。您自己用“mvn install”安装的构件会丢失，需要重新构建。</translation>
        </message>
        <message>
            <source>Microsoft Edge</source>
            <translation>Microsoft Edge</translation>
        </message>
        <message>
            <source>Microsoft Edge cache</source>
            <translation>Microsoft Edge 缓存</translation>
        </message>
        <message>
            <source>Web pages, scripts and images Microsoft Edge saved to load sites faster; it downloads them again when needed. Cookies, history, passwords and site data are not touched.</source>
            <translation>Microsoft Edge 为加快网站加载而保存的网页、脚本和图片；需要时会重新下载。不会触碰 Cookie、历史记录、密码和网站数据。</translation>
        </message>
        <message>
            <source>Microsoft Edge cookies</source>
            <translation>Microsoft Edge 的 Cookie</translation>
        </message>
        <message>
            <source>Microsoft Edge history</source>
            <translation>Microsoft Edge 历史记录</translation>
        </message>
        <message>
            <source>Microsoft Edge form entries</source>
            <translation>Microsoft Edge 表单记录</translation>
        </message>
        <message>
            <source>Text you typed into web forms, which Microsoft Edge offers to fill in again. Saved addresses, payment cards and passwords stay.</source>
            <translation>您在网页表单中输入过、Microsoft Edge 会再次帮您填写的文字。已保存的地址、支付卡和密码会保留。</translation>
        </message>
        <message>
            <source>Microsoft Office</source>
            <translation>Microsoft Office</translation>
        </message>
        <message>
            <source>Office web-service cache</source>
            <translation>Office 网络服务缓存</translation>
        </message>
        <message>
            <source>Pages and catalogues Office downloaded from its online services (add-ins, help, start pages); it downloads them again. Your documents are not touched.</source>
            <translation>Office 从其在线服务下载的页面和目录（加载项、帮助、开始页）；它会重新下载。不会触碰您的文档。</translation>
        </message>
        <message>
            <source>Microsoft Teams</source>
            <translation>Microsoft Teams</translation>
        </message>
        <message>
            <source>Microsoft Teams cache</source>
            <translation>Microsoft Teams 缓存</translation>
        </message>
        <message>
            <source>Images, avatars and app code Teams keeps to load faster; it downloads them again when needed. Your chats and files live online and are not touched.</source>
            <translation>Teams 为加快加载而保留的图片、头像和应用代码；需要时会重新下载。您的聊天和文件保存在云端，不会被触碰。</translation>
        </message>
        <message>
            <source>npm</source>
            <translation>npm</translation>
        </message>
        <message>
            <source>npm package cache</source>
            <translation>npm 包缓存</translation>
        </message>
        <message>
            <source>Node.js packages npm downloaded before; it downloads them again when a later install needs them. Your projects' node_modules are not touched.</source>
            <translation>npm 之前下载的 Node.js 包；之后安装需要时会重新下载。不会触碰您项目中的 node_modules。</translation>
        </message>
        <message>
            <source>NuGet</source>
            <translation>NuGet</translation>
        </message>
        <message>
            <source>NuGet HTTP cache</source>
            <translation>NuGet HTTP 缓存</translation>
        </message>
        <message>
            <source>Package lists and packages NuGet downloaded from feeds; it downloads them again when a restore needs them. Packages your projects use stay in the global packages folder.</source>
            <translation>NuGet 从源下载的包列表和包；还原需要时会重新下载。项目使用的包保留在全局包文件夹中。</translation>
        </message>
        <message>
            <source>Obsidian</source>
            <translation>Obsidian</translation>
        </message>
        <message>
            <source>Obsidian cache</source>
            <translation>Obsidian 缓存</translation>
        </message>
        <message>
            <source>Web content and app code Obsidian keeps to start faster; it rebuilds them. Your vaults and settings are not touched.</source>
            <translation>Obsidian 为加快启动而保留的网页内容和应用代码；它会重新生成。不会触碰您的仓库（vault）和设置。</translation>
        </message>
        <message>
            <source>Opera</source>
            <translation>Opera</translation>
        </message>
        <message>
            <source>Opera cache</source>
            <translation>Opera 缓存</translation>
        </message>
        <message>
            <source>Web pages, scripts and images Opera saved to load sites faster; it downloads them again when needed. Cookies, history, passwords and site data are not touched.</source>
            <translation>Opera 为加快网站加载而保存的网页、脚本和图片；需要时会重新下载。不会触碰 Cookie、历史记录、密码和网站数据。</translation>
        </message>
        <message>
            <source>Opera cookies</source>
            <translation>Opera 的 Cookie</translation>
        </message>
        <message>
            <source>Opera history</source>
            <translation>Opera 历史记录</translation>
        </message>
        <message>
            <source>Opera form entries</source>
            <translation>Opera 表单记录</translation>
        </message>
        <message>
            <source>Text you typed into web forms, which Opera offers to fill in again. Saved addresses, payment cards and passwords stay.</source>
            <translation>您在网页表单中输入过、Opera 会再次帮您填写的文字。已保存的地址、支付卡和密码会保留。</translation>
        </message>
        <message>
            <source>pip</source>
            <translation>pip</translation>
        </message>
        <message>
            <source>pip download cache</source>
            <translation>pip 下载缓存</translation>
        </message>
        <message>
            <source>Python packages pip downloaded and built before; it downloads them again when a later install needs them. Installed packages are not touched.</source>
            <translation>pip 之前下载和构建的 Python 包；之后安装需要时会重新下载。不会触碰已安装的包。</translation>
        </message>
        <message>
            <source>pnpm</source>
            <translation>pnpm</translation>
        </message>
        <message>
            <source>pnpm metadata cache</source>
            <translation>pnpm 元数据缓存</translation>
        </message>
        <message>
            <source>Package information pnpm downloaded from the registry; it downloads it again when needed. Installed packages and the package store are not touched.</source>
            <translation>pnpm 从注册表下载的包信息；需要时会重新下载。不会触碰已安装的包和包存储。</translation>
        </message>
        <message>
            <source>Poetry</source>
            <translation>Poetry</translation>
        </message>
        <message>
            <source>Poetry cache</source>
            <translation>Poetry 缓存</translation>
        </message>
        <message>
            <source>Python packages Poetry downloaded; it downloads them again when an install needs them. Your projects' virtual environments are not touched.</source>
            <translation>Poetry 下载的 Python 包；安装需要时会重新下载。不会触碰项目的虚拟环境。</translation>
        </message>
        <message>
            <source>Postman</source>
            <translation>Postman</translation>
        </message>
        <message>
            <source>Postman cache</source>
            <translation>Postman 缓存</translation>
        </message>
        <message>
            <source>Web content and app code Postman keeps to start faster; it rebuilds them. Your collections, environments and history are not touched.</source>
            <translation>Postman 为加快启动而保留的网页内容和应用代码；它会重新生成。不会触碰您的集合、环境和历史记录。</translation>
        </message>
        <message>
            <source>pre-commit</source>
            <translation>pre-commit</translation>
        </message>
        <message>
            <source>pre-commit hook environments</source>
            <translation>pre-commit 钩子环境</translation>
        </message>
        <message>
            <source>Hook repositories and environments pre-commit installed; it installs them again the next time a hook runs. Your repositories and their config are not touched.</source>
            <translation>pre-commit 安装的钩子仓库和环境；下次运行钩子时会重新安装。不会触碰您的仓库及其配置。</translation>
        </message>
        <message>
            <source>QQ</source>
            <translation>QQ</translation>
        </message>
        <message>
            <source>QQ and Tencent logs</source>
            <translation>QQ 和腾讯日志</translation>
        </message>
        <message>
            <source>Diagnostic logs QQ and other Tencent programs write, only useful to someone troubleshooting them. Chats and the files you received are not touched.</source>
            <translation>QQ 和其他腾讯程序写入的诊断日志，仅对排查问题的人有用。不会触碰聊天记录和您收到的文件。</translation>
        </message>
        <message>
            <source>QQ Browser</source>
            <translation>QQ 浏览器</translation>
        </message>
        <message>
            <source>QQ Browser cache</source>
            <translation>QQ 浏览器缓存</translation>
        </message>
        <message>
            <source>Web pages, scripts and images QQ Browser saved to load sites faster; it downloads them again when needed. Cookies, history, passwords and site data are not touched.</source>
            <translation>QQ 浏览器为加快网站加载而保存的网页、脚本和图片；需要时会重新下载。不会触碰 Cookie、历史记录、密码和网站数据。</translation>
        </message>
        <message>
            <source>Safari</source>
            <translation>Safari</translation>
        </message>
        <message>
            <source>Safari cache</source>
            <translation>Safari 缓存</translation>
        </message>
        <message>
            <source>Web pages, scripts and images Safari saved to load sites faster (ONE Cleaner needs Full Disk Access to see them). History, cookies and bookmarks are not touched.</source>
            <translation>Safari 为加快网站加载而保存的网页、脚本和图片（ONE Cleaner 需要“完全磁盘访问权限”才能看到它们）。不会触碰历史记录、Cookie 和书签。</translation>
        </message>
        <message>
            <source>360 Secure Browser</source>
            <translation>360 安全浏览器</translation>
        </message>
        <message>
            <source>360 Secure Browser cache</source>
            <translation>360 安全浏览器缓存</translation>
        </message>
        <message>
            <source>Web pages, scripts and images 360 Secure Browser saved to load sites faster; it downloads them again when needed. Cookies, history, passwords and site data are not touched.</source>
            <translation>360 安全浏览器为加快网站加载而保存的网页、脚本和图片；需要时会重新下载。不会触碰 Cookie、历史记录、密码和网站数据。</translation>
        </message>
        <message>
            <source>Signal</source>
            <translation>Signal</translation>
        </message>
        <message>
            <source>Signal cache</source>
            <translation>Signal 缓存</translation>
        </message>
        <message>
            <source>Web content and app code Signal Desktop keeps to start faster; it rebuilds them. Your messages, attachments and keys are not touched.</source>
            <translation>Signal 桌面版为加快启动而保留的网页内容和应用代码；它会重新生成。不会触碰您的消息、附件和密钥。</translation>
        </message>
        <message>
            <source>Slack</source>
            <translation>Slack</translation>
        </message>
        <message>
            <source>Slack cache</source>
            <translation>Slack 缓存</translation>
        </message>
        <message>
            <source>Images, file previews and app code Slack keeps to load faster; it downloads them again when needed. You stay signed in and your settings are kept.</source>
            <translation>Slack 为加快加载而保留的图片、文件预览和应用代码；需要时会重新下载。您会保持登录，设置也会保留。</translation>
        </message>
        <message>
            <source>Spotify</source>
            <translation>Spotify</translation>
        </message>
        <message>
            <source>Spotify streaming cache</source>
            <translation>Spotify 流媒体缓存</translation>
        </message>
        <message>
            <source>Pieces of songs and pictures Spotify kept while streaming; it streams them again when needed. Songs downloaded for offline listening are not touched.</source>
            <translation>Spotify 播放时保留的歌曲片段和图片；需要时会重新在线播放。不会触碰为离线收听而下载的歌曲。</translation>
        </message>
        <message>
            <source>Steam</source>
            <translation>Steam</translation>
        </message>
        <message>
            <source>Steam web and download caches</source>
            <translation>Steam 网页和下载缓存</translation>
        </message>
        <message>
            <source>Store pages, images and download manifests the Steam client keeps; it fetches them again when needed. Games and saves are not touched.</source>
            <translation>Steam 客户端保留的商店页面、图片和下载清单；需要时会重新获取。不会触碰游戏和存档。</translation>
        </message>
        <message>
            <source>Steam shader cache</source>
            <translation>Steam 着色器缓存</translation>
        </message>
        <message>
            <source>Graphics shaders compiled or downloaded for your games. Games compile them again, so their first minutes may stutter; Steam may also download them again.</source>
            <translation>为您的游戏编译或下载的图形着色器。游戏会重新编译，因此开始几分钟可能卡顿；Steam 也可能重新下载它们。</translation>
        </message>
        <message>
            <source>Sublime Text</source>
            <translation>Sublime Text</translation>
        </message>
        <message>
            <source>Sublime Text cache</source>
            <translation>Sublime Text 缓存</translation>
        </message>
        <message>
            <source>The symbol index and compiled package data Sublime Text rebuilds on its next start. Your settings, packages and sessions are not touched.</source>
            <translation>Sublime Text 下次启动时会重建的符号索引和已编译的包数据。不会触碰您的设置、包和会话。</translation>
        </message>
        <message>
            <source>System</source>
            <translation>系统</translation>
        </message>
        <message>
            <source>User cache folder</source>
            <translation>用户缓存文件夹</translation>
        </message>
        <message>
            <source>Everything applications keep in your cache folder to start and work faster; they rebuild it when needed. A few folders whose removal breaks desktops are left alone.</source>
            <translation>各应用程序为加快启动和运行而保存在您缓存文件夹中的内容；需要时会重新生成。少数删除后会导致桌面环境出错的文件夹不会被处理。</translation>
        </message>
        <message>
            <source>Temporary files</source>
            <translation>临时文件</translation>
        </message>
        <message>
            <source>Your own files in the temporary folders that are older than a day and not in use; files of other users and the sockets and locks of running programs stay.</source>
            <translation>临时文件夹中属于您、超过一天且未在使用的文件；其他用户的文件以及正在运行的程序的套接字和锁文件会保留。</translation>
        </message>
        <message>
            <source>Trash</source>
            <translation>回收站</translation>
        </message>
        <message>
            <source>Files you moved to the trash, on this drive and on other drives.</source>
            <translation>您移到回收站的文件，包括本磁盘和其他磁盘上的。</translation>
        </message>
        <message>
            <source>Recent documents list</source>
            <translation>最近文档列表</translation>
        </message>
        <message>
            <source>The list of files you opened recently that menus and file dialogs show; the files themselves are not touched.</source>
            <translation>菜单和文件对话框中显示的最近打开文件列表；不会触碰文件本身。</translation>
        </message>
        <message>
            <source>Old logs</source>
            <translation>旧日志</translation>
        </message>
        <message>
            <source>Your session's error log and old or rotated log files that programs no longer write to; log folders themselves are kept.</source>
            <translation>您会话的错误日志，以及程序不再写入的旧日志或已轮转的日志文件；日志文件夹本身会保留。</translation>
        </message>
        <message>
            <source>Telegram Desktop</source>
            <translation>Telegram 桌面版</translation>
        </message>
        <message>
            <source>Telegram media cache</source>
            <translation>Telegram 媒体缓存</translation>
        </message>
        <message>
            <source>Photos, videos and stickers Telegram Desktop downloaded while you read chats; it downloads them again from the cloud when you open them. Your account and settings are kept.</source>
            <translation>Telegram 桌面版在您阅读聊天时下载的照片、视频和贴纸；打开时会从云端重新下载。您的账号和设置会保留。</translation>
        </message>
        <message>
            <source>Thumbnails</source>
            <translation>缩略图</translation>
        </message>
        <message>
            <source>Thumbnail cache</source>
            <translation>缩略图缓存</translation>
        </message>
        <message>
            <source>Small preview pictures of your files that the file manager draws again when needed. On Windows, Explorer keeps its cache files locked while it runs, so those are skipped and reported.</source>
            <translation>文件管理器为您的文件生成的小预览图，需要时会重新生成。在 Windows 上，资源管理器运行时会锁定其缓存文件，因此这些文件会被跳过并列出。</translation>
        </message>
        <message>
            <source>Thunderbird</source>
            <translation>Thunderbird</translation>
        </message>
        <message>
            <source>Thunderbird cache</source>
            <translation>Thunderbird 缓存</translation>
        </message>
        <message>
            <source>Web content, images and compiled scripts Thunderbird keeps to show messages and pages faster; it rebuilds them when needed. Your mail, contacts and calendars are not touched.</source>
            <translation>Thunderbird 为加快显示邮件和页面而保留的网页内容、图片和已编译脚本；需要时会重新生成。不会触碰您的邮件、联系人和日历。</translation>
        </message>
        <message>
            <source>uv</source>
            <translation>uv</translation>
        </message>
        <message>
            <source>uv cache</source>
            <translation>uv 缓存</translation>
        </message>
        <message>
            <source>Python packages uv downloaded and built; it downloads them again when an install needs them. Your virtual environments and installed Pythons are not touched.</source>
            <translation>uv 下载和构建的 Python 包；安装需要时会重新下载。不会触碰您的虚拟环境和已安装的 Python。</translation>
        </message>
        <message>
            <source>Vivaldi</source>
            <translation>Vivaldi</translation>
        </message>
        <message>
            <source>Vivaldi cache</source>
            <translation>Vivaldi 缓存</translation>
        </message>
        <message>
            <source>Web pages, scripts and images Vivaldi saved to load sites faster; it downloads them again when needed. Cookies, history, passwords and site data are not touched.</source>
            <translation>Vivaldi 为加快网站加载而保存的网页、脚本和图片；需要时会重新下载。不会触碰 Cookie、历史记录、密码和网站数据。</translation>
        </message>
        <message>
            <source>Vivaldi cookies</source>
            <translation>Vivaldi 的 Cookie</translation>
        </message>
        <message>
            <source>Vivaldi history</source>
            <translation>Vivaldi 历史记录</translation>
        </message>
        <message>
            <source>Vivaldi form entries</source>
            <translation>Vivaldi 表单记录</translation>
        </message>
        <message>
            <source>Text you typed into web forms, which Vivaldi offers to fill in again. Saved addresses, payment cards and passwords stay.</source>
            <translation>您在网页表单中输入过、Vivaldi 会再次帮您填写的文字。已保存的地址、支付卡和密码会保留。</translation>
        </message>
        <message>
            <source>Visual Studio Code</source>
            <translation>Visual Studio Code</translation>
        </message>
        <message>
            <source>Visual Studio Code cache</source>
            <translation>Visual Studio Code 缓存</translation>
        </message>
        <message>
            <source>Compiled code, web content and downloaded extension packages VS Code keeps to start faster; it rebuilds them. Your settings, extensions and editor history are not touched.</source>
            <translation>VS Code 为加快启动而保留的已编译代码、网页内容和已下载的扩展安装包；它会重新生成。不会触碰您的设置、扩展和编辑器历史记录。</translation>
        </message>
        <message>
            <source>VSCodium</source>
            <translation>VSCodium</translation>
        </message>
        <message>
            <source>VSCodium cache</source>
            <translation>VSCodium 缓存</translation>
        </message>
        <message>
            <source>Compiled code, web content and downloaded extension packages VSCodium keeps to start faster; it rebuilds them. Your settings, extensions and editor history are not touched.</source>
            <translation>VSCodium 为加快启动而保留的已编译代码、网页内容和已下载的扩展安装包；它会重新生成。不会触碰您的设置、扩展和编辑器历史记录。</translation>
        </message>
        <message>
            <source>Waterfox</source>
            <translation>Waterfox</translation>
        </message>
        <message>
            <source>Waterfox cache</source>
            <translation>Waterfox 缓存</translation>
        </message>
        <message>
            <source>Web pages, scripts and images Waterfox saved to load sites faster; it downloads them again when needed. Cookies, history, bookmarks, passwords and site data are not touched.</source>
            <translation>Waterfox 为加快网站加载而保存的网页、脚本和图片；需要时会重新下载。不会触碰 Cookie、历史记录、书签、密码和网站数据。</translation>
        </message>
        <message>
            <source>WeChat</source>
            <translation>微信</translation>
        </message>
        <message>
            <source>WeChat logs</source>
            <translation>微信日志</translation>
        </message>
        <message>
            <source>WeChat's diagnostic logs, only useful to someone troubleshooting the app. Chats and the files you received are not touched.</source>
            <translation>微信的诊断日志，仅对排查问题的人有用。不会触碰聊天记录和您收到的文件。</translation>
        </message>
        <message>
            <source>Windows</source>
            <translation>Windows</translation>
        </message>
        <message>
            <source>Crash dumps</source>
            <translation>崩溃转储</translation>
        </message>
        <message>
            <source>Memory snapshots Windows saved when a program or the system crashed; only useful to someone debugging that crash.</source>
            <translation>程序或系统崩溃时 Windows 保存的内存快照；只对调试该崩溃的人有用。</translation>
        </message>
        <message>
            <source>Error reports</source>
            <translation>错误报告</translation>
        </message>
        <message>
            <source>Problem reports Windows Error Reporting collected about crashed programs, sent or waiting to be sent.</source>
            <translation>Windows 错误报告收集的程序崩溃问题报告，包括已发送和等待发送的。</translation>
        </message>
        <message>
            <source>DirectX and GPU shader caches</source>
            <translation>DirectX 和显卡着色器缓存</translation>
        </message>
        <message>
            <source>Graphics shaders that DirectX and the NVIDIA, AMD or Intel driver compiled for games and programs; they are compiled again when needed.</source>
            <translation>DirectX 以及 NVIDIA、AMD 或 Intel 显卡驱动为游戏和程序编译的图形着色器；需要时会重新编译。</translation>
        </message>
        <message>
            <source>Windsurf</source>
            <translation>Windsurf</translation>
        </message>
        <message>
            <source>Windsurf cache</source>
            <translation>Windsurf 缓存</translation>
        </message>
        <message>
            <source>Compiled code, web content and downloaded extension packages Windsurf keeps to start faster; it rebuilds them. Your settings, extensions and editor history are not touched.</source>
            <translation>Windsurf 为加快启动而保留的已编译代码、网页内容和已下载的扩展安装包；它会重新生成。不会触碰您的设置、扩展和编辑器历史记录。</translation>
        </message>
        <message>
            <source>WPS Office</source>
            <translation>WPS Office</translation>
        </message>
        <message>
            <source>WPS Office web cache</source>
            <translation>WPS Office 网页缓存</translation>
        </message>
        <message>
            <source>Web pages and pictures WPS Office downloaded for its start page and cloud features; it downloads them again. Your documents and their backups are not touched.</source>
            <translation>WPS Office 为其开始页和云功能下载的网页和图片；它会重新下载。不会触碰您的文档及其备份。</translation>
        </message>
        <message>
            <source>Xcode</source>
            <translation>Xcode</translation>
        </message>
        <message>
            <source>Xcode DerivedData</source>
            <translation>Xcode DerivedData</translation>
        </message>
        <message>
            <source>Intermediate build files and indexes Xcode rebuilds the next time you build; your projects and archived builds are not touched.</source>
            <translation>Xcode 下次构建时会重新生成的中间构建文件和索引；不会触碰您的项目和已归档的构建。</translation>
        </message>
        <message>
            <source>Yarn</source>
            <translation>Yarn</translation>
        </message>
        <message>
            <source>Yarn package cache</source>
            <translation>Yarn 包缓存</translation>
        </message>
        <message>
            <source>Node.js packages Yarn downloaded before; it downloads them again when a later install needs them. Your projects are not touched.</source>
            <translation>Yarn 之前下载的 Node.js 包；之后安装需要时会重新下载。不会触碰您的项目。</translation>
        </message>
        <message>
            <source>Zen Browser</source>
            <translation>Zen 浏览器</translation>
        </message>
        <message>
            <source>Zen Browser cache</source>
            <translation>Zen 浏览器缓存</translation>
        </message>
        <message>
            <source>Web pages, scripts and images Zen Browser saved to load sites faster; it downloads them again when needed. Cookies, history, bookmarks, passwords and site data are not touched.</source>
            <translation>Zen 浏览器为加快网站加载而保存的网页、脚本和图片；需要时会重新下载。不会触碰 Cookie、历史记录、书签、密码和网站数据。</translation>
        </message>
        <message>
            <source>Zoom</source>
            <translation>Zoom</translation>
        </message>
        <message>
            <source>Zoom cache</source>
            <translation>Zoom 缓存</translation>
        </message>
        <message>
            <source>Avatars and embedded web pages Zoom keeps during meetings; it downloads them again when needed. Recordings and settings are not touched.</source>
            <translation>Zoom 在会议期间保留的头像和内嵌网页；需要时会重新下载。不会触碰录制内容和设置。</translation>
        </message>
        <message>
            <source>Zoom logs</source>
            <translation>Zoom 日志</translation>
        </message>
        <message>
            <source>Zoom's diagnostic logs, only useful to someone troubleshooting a meeting problem.</source>
            <translation>Zoom 的诊断日志，仅对排查会议问题的人有用。</translation>
        </message>
    </context>
</TS>
