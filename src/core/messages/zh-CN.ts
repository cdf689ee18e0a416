import type { ErrorParams } from '../errorCodes.js';

type Templates = { [K in keyof ErrorParams]: (p: ErrorParams[K]) => string };

const list = (xs: readonly string[]): string => (xs.length ? xs.join('、') : '（无）');
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

export const zhCN: Templates = {
  'import.file_not_found': (p) => `找不到文件：${p.file}。请检查路径后重试。`,
  'import.file_too_large': (p) => `${p.file} 大小为 ${mb(p.size)}，超过导入上限 ${mb(p.limit)}。请拆分文件或转换为 Parquet。`,
  'import.unsupported_format': (p) => `${p.file}：不支持导入扩展名为“${p.extension}”的文件。请使用 CSV、TSV、XLSX 或 Parquet。`,
  'import.empty_file': (p) => `${p.file} 是空文件：没有表头，也没有数据。`,
  'import.no_rows': (p) => `${p.file} 只有表头，没有数据行。`,
  'import.encoding_invalid': (p) =>
    `${p.file} 不是有效的 ${p.encoding} 编码（第 ${p.line} 行，字节偏移 ${p.byteOffset} 处出错）。` +
    `如果文件由中文版 Excel 保存，请使用 --encoding gbk（或 --encoding auto）导入。`,
  'import.encoding_unknown': (p) => `未知编码“${p.encoding}”。可用：auto、utf8、gbk、gb18030。`,
  'import.header_empty': (p) => `${p.file}：表头第 ${p.column} 列没有列名。请为每一列命名。`,
  'import.header_duplicate': (p) => `${p.file}：列名“${p.column}”出现了两次（第 ${p.first} 列和第 ${p.second} 列）。请重命名其中一列。`,
  'import.row_width': (p) =>
    `${p.file} 第 ${p.row} 行：应与表头一样有 ${p.expected} 个单元格，实际为 ${p.found} 个。请检查该行是否有多余的分隔符或未加引号的逗号。`,
  'import.unclosed_quote': (p) => `${p.file} 第 ${p.row} 行：有一个引号没有闭合。请补全或删除该引号。`,
  'import.cell_too_large': (p) =>
    `${p.file} 第 ${p.row} 行“${p.column}”列：单元格有 ${p.size} 个字符，超过上限 ${p.limit}。请确认文件是表格，并缩短该单元格。`,
  'import.missing_column': (p) =>
    `${p.file}：${p.layout} 格式需要“${p.column}”列，但表头只有：${list(p.found)}。请重命名该列，或用对应选项指定（如 --region-col）。`,
  'import.duplicate_key': (p) =>
    `${p.file} 第 ${p.row} 行：键 ${p.key} 已在第 ${p.firstRow} 行出现。每个键只能出现一次，请删除或合并重复行。`,
  'import.non_numeric': (p) =>
    `${p.file} 第 ${p.row} 行“${p.column}”列：“${p.value}”不是数字。请修改该单元格，缺失值请留空。`,
  'import.unknown_region': (p) =>
    `${p.file} 第 ${p.row} 行“${p.column}”列：“${p.value}”不是已知的省份或城市。` +
    `请使用 GB/T 2260 代码（如 310000）或名称（如 上海市 / 上海 / Shanghai，见 \`ftzlab regions\`）。`,
  'import.bad_year': (p) => `${p.file} 第 ${p.row} 行“${p.column}”列：“${p.value}”不是年份。年份请写作 2019 或 2019年。`,
  'import.sheet_not_found': (p) => `${p.file} 中没有名为“${p.sheet}”的工作表。现有工作表：${list(p.sheets)}。`,
  'import.xlsx_too_large': (p) =>
    `${p.file} 解压后将达 ${mb(p.unpacked)}，超过上限 ${mb(p.limit)}。请将所需工作表另存为 CSV，或拆分工作簿。`,
  'import.xlsx_invalid': (p) => `${p.file} 不是可读取的 XLSX 工作簿（${p.reason}）。请在 Excel 中另存为 .xlsx。`,
  'import.parquet_invalid': (p) => `${p.file} 不是可读取的 Parquet 文件（${p.reason}）。`,
  'import.nbs_layout': (p) =>
    `${p.file} 第 ${p.line} 行：该文件看起来是国家统计局数据库导出文件，但${p.reason}。请从 data.stats.gov.cn 重新导出且不要修改，或使用 --layout table 导入。`,
  'dataset.name_invalid': (p) => `“${p.name}”不是有效的数据集名称。请使用 1–64 个字母、数字、汉字、“_”或“-”。`,
  'dataset.not_found': (p) => `没有名为“${p.name}”的数据集。见 \`ftzlab data list\`。`,
  'dataset.version_not_found': (p) => `数据集“${p.name}”没有第 ${p.version} 版。现有版本：${list(p.versions.map(String))}。`,
  'export.unsupported_format': (p) => `${p.file}：不能导出为“${p.extension}”。请使用 .csv、.xlsx、.parquet 或 .json。`,
  'zone.not_found': (p) => `没有编号为“${p.id}”的自由贸易试验区。已有编号：${list(p.known)}。`,
  'indicator.not_found': (p) => `没有指标“${p.code}”。见 \`ftzlab indicators\` 或 GET /api/indicators。`,
  'region.not_found': (p) => `没有地区“${p.code}”。见 \`ftzlab regions\`。`,
  'store.locked': (p) =>
    `数据库 ${p.path} 正被另一个进程（${p.holder}）占用。请通过正在运行的服务器的 API 操作，或先停止它，或将 FTZLAB_DB 指向另一个文件。`,
  'store.open_failed': (p) => `无法打开数据库 ${p.path}：${p.reason}`,
  'store.bundle_missing': (p) => `缺少内置数据：${p.path}。请重新安装 ftzlab，或在源码目录中运行 \`npm run build:data\`。`,
  'api.bad_request': (p) => `请求有误：${p.issues}`,
  'api.payload_too_large': (p) => `请求体超过上限 ${mb(p.limit)}。`,
  'api.host_not_allowed': (p) => `不允许的主机名“${p.host}”。除非在 FTZLAB_ALLOWED_HOSTS 中配置其他主机，ftzlab 只响应 localhost。`,
  'api.not_found': (p) => `${p.path} 不存在。路由列表见 /api/openapi.json。`,
  'server.port_in_use': (p) => `端口 ${p.port} 已被占用。请用 --port 指定其他端口。`,
  'internal.unexpected': (p) => `意外错误：${p.reason}。请连同所运行的命令一起报告。`,
  // index
  'index.framework_invalid': (p) => `指标体系 ${p.framework} 无效：${p.issues}`,
  'index.unknown_indicator': (p) => `指标体系 ${p.framework} 使用了指标“${p.code}”，但数据中没有。见 \`ftzlab indicators\`，或在数据中加入该列。`,
  'index.zero_variance': (p) => `指标“${p.indicator}”在所有单元上取值相同（${p.scope}），无法标准化或赋权。请从指标体系中删除，或换一种标准化方法。`,
  'index.all_missing': (p) => `指标“${p.indicator}”没有任何数值（${p.scope}）。请删除该指标或缩小年份范围。`,
  'index.missing_values': (p) => `指标“${p.indicator}”有 ${p.count} 个缺失值，${p.method} 无法处理。请明确选择插补方法，或缩小单元与年份范围。`,
  'index.nonpositive_geometric': (p) => `几何加总要求数值为正，但单元 ${p.unit} 的“${p.indicator}”为 ${p.value}。请使用带平移的极差标准化（如 0.01）或算术加总。`,
  'index.ahp_invalid': (p) => `AHP 判断矩阵无效：${p.reason}。`,
  'index.ahp_inconsistent': (p) => `AHP 判断不一致：一致性比率 CR = ${p.cr.toFixed(3)}，超过 ${p.limit}。请修改判断矩阵。`,
  'index.weights_invalid': (p) => `权重无效：${p.reason}。`,
  'index.dimension_mismatch': (p) => `${p.what}：应为 ${p.expected}，实际为 ${p.found}。`,
  'index.negative_values': (p) => `${p.method} 要求数值非负，但单元 ${p.unit} 的“${p.indicator}”为 ${p.value}。请先做极差标准化。`,
  'index.out_of_range': (p) => `${p.what} 应在 [${p.min}, ${p.max}] 之间，但单元 ${p.unit} 为 ${p.value}。`,
  // disparity
  'disparity.too_few_units': (p) => `${p.method} 至少需要 ${p.min} 个单元，实际为 ${p.n} 个。`,
  'disparity.negative_values': (p) => `${p.method} 要求数值非负，单元 ${p.unit} 为 ${p.value}。`,
  'disparity.groups_invalid': (p) => `分组无效：${p.reason}。`,
  'spatial.weights_invalid': (p) => `空间权重无效：${p.reason}。`,
  'disparity.constant_variable': (p) => `变量“${p.variable}”方差为零，${p.method} 无定义。`,
  'disparity.nonpositive_values': (p) => `${p.method} 要求数值为正，单元 ${p.unit} 为 ${p.value}。`,
  'disparity.length_mismatch': (p) => `${p.what}：应为长度 ${p.expected}，实际为 ${p.found}。`,
  'disparity.option_invalid': (p) => `选项 ${p.option} = ${p.value} 无效：${p.reason}。`,
  'spatial.gal_invalid': (p) => `GAL 权重文件第 ${p.line} 行无效：${p.reason}。`,
  'spatial.geometry_invalid': (p) => `要素 ${p.feature} 的几何无效：${p.reason}。`,
  // causal
  'causal.too_few_periods': (p) => `${p.method} 至少需要 ${p.min} 个${p.phase === 'pre' ? '处理前' : '处理后'}时期，数据只有 ${p.n} 个。`,
  'causal.too_few_controls': (p) => `${p.method} 至少需要 ${p.min} 个对照单元，数据只有 ${p.n} 个。`,
  'causal.constant_predictor': (p) => `${p.method}：预测变量 ${p.predictor} 在对照单元间没有变化，请删除该变量。`,
  'causal.singular_design': (p) => `${p.what} 的设计矩阵奇异（${p.detail}）：请删除共线的协变量或固定效应。`,
  'causal.no_control_units': (p) => `没有可用的${p.control}对照单元（${p.detail}）。请改用尚未处理组作对照，或检查处理时点列。`,
  'causal.small_cohort': (p) => `处理组 ${p.group} 只有 ${p.n} 个单元，无法估计其效应的标准误。`,
  'causal.treated_before_panel': (p) => `单元 ${p.unit} 自 ${p.group} 年起受处理，早于面板起始年份 ${p.first}：请删除该单元或将其标为始终受处理。`,
  'causal.perfect_prediction': (p) => `倾向得分在处理组 ${p.group}、时期 ${p.time} 完全区分了处理与对照单元（${p.detail}）。请减少协变量或改用结果回归法。`,
  'causal.bad_panel': (p) => `面板数据不可用：${p.detail}。`,
  'causal.dropped_treated_first_period': (p) => `已删除 ${p.n} 个在首期 ${p.first} 即已受处理的单元${p.anticipation > 0 ? `（预期期数 ${p.anticipation}）` : ''}：它们没有处理前时期。`,
  'causal.few_units_in_cohort': (p) => `处理组 ${p.group === 0 ? '从未处理组' : p.group} 只有 ${p.n} 个单元（少于 ${p.min} 个）：其估计可能不稳定。`,
  'causal.dropped_late_periods': (p) => `没有从未处理的单元：已删除 ${p.from} 年及以后的时期，处理组 ${p.group} 仅作为尚未处理的对照组。`,
  'causal.no_pretest': (p) => `未报告平行趋势的 Wald 预检验：${p.reason}。`,
  'causal.option_invalid': (p) => `选项 ${p.option} = ${p.value} 无效：${p.reason}。`,
  'causal.group_without_treated': (p) => `分组 ${p.group} 没有受处理的观测（${p.detail}）：无法估计该组的处理效应，请删除该组或与其他组合并。`,
  'causal.too_few_clusters': (p) => `${p.method} 至少需要 ${p.min} 个聚类，数据只有 ${p.n} 个。`,
  'causal.collinear_mediator': (p) => `中介变量 ${p.mediator} 与处理变量共线或被固定效应吸收（${p.detail}）：无法识别直接效应和间接效应。`,
  'carbon.bad_matrix': (p) => `${p.what} 不可用：${p.detail}。`,
  'carbon.singular_leontief': (p) => `I − A 不可逆（${p.detail}）：有部门的中间投入不小于其产出，请检查中间流量和总产出。`,
  'carbon.option_invalid': (p) => `选项 ${p.option} = ${p.value} 无效：${p.reason}。`,
  'carbon.unknown_cn_code': (p) => `${p.file} 第 ${p.row} 行：CN 编码“${p.value}”不是 CBAM 覆盖的货物（(EU) 2023/956 号条例附件一）；请核对编码，若该货物不在覆盖范围内请删除此行。`,
  'carbon.ambiguous_cn_code': (p) => `${p.file} 第 ${p.row} 行：CN 编码“${p.value}”位数不足，其下有多个 CBAM 条目（${p.candidates.slice(0, 6).join('、')}${p.candidates.length > 6 ? '……' : ''}）；请填写 8 位 CN 编码，以确定所属货物及其默认值。`,
  'carbon.no_default_value': (p) => `${p.file} 第 ${p.row} 行：CN ${p.cn} 没有可用的默认值：${
    p.reason === 'origin' ? `默认值只收录了中国，未收录原产地 ${p.origin}`
      : p.reason === 'heading_only' ? `附件只给出 ${p.good} 所列子目的数值（${p.candidates.slice(0, 8).join('、')}${p.candidates.length > 8 ? '……' : ''}），${p.cn} 不在其中，请核对编码`
        : p.reason === 'unverified' ? `${p.good} 的内置默认值为${p.status === 'secondary' ? '转录值' : '未核对值'}，尚未与《欧盟官方公报》原文核对；如需使用，请允许未核实数据（命令行 --allow-unverified，或仪表盘中的复选框），结果中会加以标注`
          : p.reason === 'no_indirect_default' ? '该货物计入间接排放，但没有覆盖间接排放的默认值'
            : `附件未列出 ${p.good} 的默认值`
  }。也可在 direct_tco2_per_t（及 indirect_tco2_per_t）列填写实际排放。`,
  'carbon.bad_quantity': (p) => `${p.file} 第 ${p.row} 行 ${p.column} 列：“${p.value}”不可用（${p.reason}）。`,
  'carbon.bad_unit': (p) => `${p.file} 第 ${p.row} 行 ${p.column} 列：“${p.value}”的单位似乎不对，应为 ${p.expected}。`,
  'carbon.bad_budget': (p) => `碳预算不可用：${p.detail}。`,
  'neglist.docx_invalid': (p) => `${p.file} 不是可读取的 Word 文档（${p.reason}）；请重新另存为 .docx 或纯文本。`,
  'neglist.pdf_invalid': (p) => `${p.file} 不是可读取的 PDF（${p.reason}）；扫描件需先做文字识别，或直接导入文本。`,
  'neglist.no_measures': (p) => `${p.file}：没有找到编号的措施（应为“1 禁止投资……”或“1. ……”这样的行，位于“一、农、林、牧、渔业”等门类标题之下）。`,
  'neglist.numbering_gap': (p) => `${p.file} 第 ${p.line} 行：措施 ${p.found} 紧接在 ${p.expected - 1} 之后，缺少第 ${p.expected} 条。请检查文本（措施跨行或条目遗漏）后重新导入。`,
  'neglist.numbering_repeat': (p) => `${p.file} 第 ${p.line} 行：措施 ${p.number} 重复出现（首次在第 ${p.first} 行）。`,
  'neglist.unknown_section': (p) => `${p.file} 第 ${p.line} 行：“${p.heading}”不是国民经济行业分类（GB/T 4754）的门类名称，请修正标题（如 一、农、林、牧、渔业）。`,
  'neglist.count_mismatch': (p) => `${p.file}：读到 ${p.found} 条措施，但清单应有 ${p.expected} 条（--count）。`,
  'neglist.edition_not_found': (p) => `没有编号为“${p.id}”的清单版本（现有：${p.known.join('、')}）。`,
  'neglist.scenario_not_found': (p) => `没有已保存的情景“${p.name}”${p.version === null ? '' : `第 ${p.version} 版`}（已保存：${p.known.join('、') || '无'}）。请在模拟器页面或用 \`ftzlab neglist scenario save NAME --spec FILE\` 保存情景。`,
  'report.no_browser': (p) => `PDF 由无界面 Chromium 打印，但在 ${p.path} 没有找到它。请安装（Debian：apt-get install chromium）或将 FTZLAB_CHROMIUM 设为其路径；DOCX、XLSX 和 HTML 格式不需要浏览器。`,
  'report.render_failed': (p) => `无法生成 ${p.format} 报告：${p.reason}。`,
  'carbon.budget_not_found': (p) => `没有名为“${p.name}”的碳预算${p.known.length ? `（现有：${p.known.join('、')}）` : '（尚未创建任何预算）'}。`,
  'carbon.budget_version_not_found': (p) => `碳预算“${p.name}”没有第 ${p.version} 版（现有版本：${p.versions.join('、')}）。`,
  'carbon.budget_name_invalid': (p) => `“${p.name}”不是有效的预算名称：请使用不超过 64 个字母、数字、下划线或连字符。`,
  'carbon.no_inventory_year': (p) => `清单中没有 ${p.region} 在 ${p.year} 年的分部门排放${p.first !== null ? `（覆盖 ${p.first}–${p.last} 年）` : ''}。`,
};
