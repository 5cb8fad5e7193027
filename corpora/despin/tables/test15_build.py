#!/usr/bin/env python3
"""Build corpora/despin/tables/test15.tsv, the frozen held-out despin table v15 (issue 4).

FROZEN with the table and OFF-LIMITS to developers: this file holds the candidate table the rows
were drawn from (see corpora/HELDOUT_V15_DESPIN.md). Written in session 18 by the data helper
"despintest15". Prints counts only; rebuilds the table byte-identically:

    python corpora/despin/tables/test15_build.py [OUT]

Steps (shares fixed before any check): 300 rows, 28 chains, 150 lexicon-pair rows, odd spun forms
0.50 (odd = spun form occurs < 10 times in the inews train content), originals >= 3 times in
nlp.despin.corpora.texts("test"), no one-character original. Excluded: every (original, spun) pair
of dev/dev_unseen/dev_realword/test/test2..test14 (for a chain the original -> end pair) and every
original of test14. Exclusion tables and the lexicon are read as at commit REV (git show).
"""
from __future__ import annotations

import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from nlp.despin.corpora import _inews, texts  # noqa: E402
from nlp.despin.spinner import spin  # noqa: E402

REV = "fa26345"
SEED = 15
N_ROWS, N_CHAIN, N_LEX = 300, 28, 150
ODD_SHARE, ODD_BELOW, MIN_TEST = 0.50, 10, 3
EARLIER = ["dev", "dev_unseen", "dev_realword", "test"] + [f"test{i}" for i in range(2, 15)]
FRESHEST = "test14"
HEADER = ("# Held-out despin table v15 (FROZEN; corpora/HELDOUT_V15_DESPIN.md): not for developers. "
          "No (original, spun) pair of dev*.tsv / test..test14.tsv, no original of test14.tsv.\n"
          "# original<TAB>spun<TAB>kind (lexicon: pair in corpora/despin/lexicon.tsv; novel: not in it; "
          "chain: two steps)\n")

# original, then alternatives in the writer's order of preference (one line per original)
CANDIDATES = """
因此 是以 以是 故而 因而
而且 并且 况且 并
然而 但是 可是 不外 但
虽然 固然 虽说 尽量 只管
尽管 只管 尽量 固然 虽然
同时 同时辰 与此同时 同期 一起
另外 其余 其它 此外 别的
此外 除此以外 别的 其余 另外
例如 比方 譬如 好比 好比说
比如 好比 譬如 例如 比方
总之 总而言之 归正 总的来说 总归
首先 起首 开始 最先 首先是
其次 次之 再者 其次是 然后
最后 最初 末了 最终 最末
终于 终究 末了 究竟 总算
竟然 居然 竟是 竟然间 竟自
果然 公然 果真 果不其然
几乎 险些 简直 差点儿 差点
确实 切实 的确 真实 实在
已经 曾经 早已 业已 已然
一直 始终 不停 一向 一贯
始终 一直 自始至终 一向 一直以来
不断 络续 连续 不停 接续
陆续 络续 连续 先后 接踵
逐渐 逐步 垂垂 渐渐 慢慢
逐步 慢慢 渐渐 一步步 逐渐
立即 当即 立刻 马上 即刻
随后 尔后 接着 过后 紧接着
然后 而后 随后 然后再 接着
目前 今朝 当前 现在 面前
当前 今朝 面前 眼前 现阶段
现在 此刻 如今 而今 当初
如今 现今 而今 此刻 现下
以前 之前 以往 从前 早前
之前 以前 此前 先前 早先
以后 之后 今后 往后 尔后
之后 以后 尔后 后来 往后
仍然 依然 仍旧 照旧 依旧
依然 仍然 照旧 依旧 仍是
非常 十分 异常 很是 极端
十分 非常 很是 极其 相当
特别 出格 特殊 格外 分外
尤其 尤其是 格外 特别 尤为
更加 愈加 越发 加倍 越加
极其 极为 极度 非常 极端
相当 适当 相称 颇为 相等
比较 对照 比拟 较为 相比
通常 凡是 平日 往常 一般
经常 常常 时常 往往 经常性
往往 常常 每每 时常 屡屡
突然 忽然 遽然 俄然 陡然
大约 约莫 大概 或许 约略
可能 大概 也许 能够 兴许
或者 或是 或许 要么 抑或
以及 与 及 和 并及
必须 必需 务必 必要 必然
需要 必要 需求 须要 需用
应该 应当 理应 该当 应
只有 惟有 唯有 只是 独一
只要 只需 只消 但凡 只需要
仅仅 只是 单单 仅只 只不过
甚至 乃至 以至 甚而 甚或
即使 即便 纵然 哪怕 就算
如果 假如 若是 要是 假使
由于 因为 鉴于 因 缘于
因为 由于 由於 因 为了
为了 为着 以便 旨在 为
通过 经由过程 经过 透过 颠末
根据 依据 按照 凭据 据
按照 依照 遵照 根据 照
关于 对于 有关 关乎 对
对于 关于 看待 对付 对
随着 跟着 伴随着 追随着 乘着
作为 做为 行为 当作 作成
其中 此中 个中 其间 里面
之间 中间 之内 之中 间
当中 其中 中心 中央 之中
左右 摆布 安排 上下 前后
前后 先后 首尾 高低 前前后后
总是 老是 一直 总归 总
还是 仍是 照样 依旧 照旧
就是 便是 即是 恰是 就算
正是 恰是 恰好是 正好是 便是
不能 不克不及 无法 不可以 不可
能够 可以或许 可以 得以 或许能
可以 能够 可以或许 得以 能
无法 没法 无从 没有办法 不克不及
于是 因而 是以 从而 就此
从而 进而 因而 于是 从此
进而 从而 进一步 再而 继而
否则 不然 要不然 否则的话 要否则
整体 团体 全体 整个 总体
全部 所有 全体 全数 所有的
所有 一切 全部 统统 全数
一切 所有 统统 全部 悉数
各种 各类 种种 各样 多种
各类 各种 各色 种种 各样
许多 很多 良多 不少 浩繁
很多 许多 良多 浩繁 多多
大量 大批 大宗 巨量 海量
部分 部门 局部 一部分 片面
主要 首要 重要 次要 紧要
重要 主要 首要 紧张 紧要
重大 严重 庞大 巨大 严峻
巨大 庞大 宏大 伟大 重大
严重 紧张 严峻 重要 沉重
明显 显著 显明 较着 明明
显著 明显 显着 凸起 昭著
突出 凸起 超过 出色 杰出
充分 充实 充足 足够 充沛
有效 有用 无效 管用 奏效
相关 有关 相干 干系 关联
关系 干系 联系 关连 关涉
联系 接洽 联络 关联 联合
表示 暗示 表现 透露表现 默示
认为 以为 觉得 认定 感觉
指出 指明 提出 点出 道出
强调 夸大 着重 重申 侧重
介绍 先容 引见 推荐 说明
透露 表露 流露 泄露 吐露
称 称说 称呼 声称 宣称
声明 申明 宣称 说明 表白
宣布 颁布 发布 公布 宣告
公布 颁布 发布 公开 宣布
发布 公布 宣布 颁布 披露
报道 报导 报告 通报 播报
报告 陈述 申报 讲演 告知
回应 回答 回覆 答复 响应
回复 答复 回覆 恢复 复兴
解释 诠释 讲解 阐释 注释
说明 阐明 申明 注明 解说
证实 证明 印证 确证 证据
承认 认可 供认 招认 认账
否认 否定 矢口否认 不认可 推翻
了解 相识 明了 懂得 知晓
知道 晓得 知晓 清楚 明白
发现 发明 察觉 觉察 找到
调查 查询拜访 观察 考察 视察
检查 查抄 搜检 检验 审查
核实 查实 核查 考证 证实
确认 确定 证实 肯定 承认
处理 处置 措置 处置惩罚 打点
解决 办理 处理 化解 管理
管理 治理 办理 经管 打点
负责 卖力 担任 认真 主管
组织 构造 机关 架构 构造
机构 机关 构造 组织 单元
部门 部分 局部 单元 部分局部
单位 单元 部门 机构 单位元
政府 当局 朝廷 政务 官府
国家 国度 邦家 国民 社稷
人民 国民 平易近 民众 黎民
群众 民众 大众 公众 人群
公众 群众 民众 大众 群体
社会 社会性 人间 世间 社群
法律 执法 法令 司法 律法
法院 法庭 法官 审讯庭 审判庭
判决 讯断 裁决 判定 审判
起诉 告状 控告 诉讼 提告
诉讼 讼事 官司 诉讼案 打官司
律师 状师 讼师 辩护人 法律顾问
案件 案子 案例 讼事 事件
犯罪 立功 违法 作案 罪恶
嫌疑人 怀疑人 疑犯 嫌犯 嫌疑犯
警方 差人 警署 警察局 警员
警察 差人 巡警 公安 捕快
公安 公安局 警方 差人 治安
逮捕 拘捕 抓捕 捕获 缉捕
调查组 查询拜访组 观察组 考察组
处罚 惩罚 处分 惩处 惩办
罚款 罚金 罚钱 罚没 处分
违法 守法 犯法 违规 违纪
违规 违章 犯规 违纪 违反规定
规定 划定 规矩 规则 章程
制度 轨制 体制 规章 制度性
政策 政策性 方针 计谋 对策
措施 步伐 举措 办法 手段
方法 办法 要领 门径 体例
方式 体例 方法 形式 法子
标准 尺度 准则 规范 模范
要求 请求 需求 要求是 央求
条件 前提 条目 前提条件 条款
目标 方针 指标 目的 标的
计划 规划 打算 筹划 企图
项目 名目 工程 款项 项目组
活动 运动 举动 流动 勾当
会议 聚会 集会 大会 会晤
协议 协定 和谈 商定 约定
合同 条约 契约 协议 合约
合作 协作 配合 团结 合伙
竞争 竞赛 角逐 合作 比拼
发展 成长 生长 开展 进展
经济 财经 经济体 金融 商业
市场 墟市 商场 阛阓 集市
行业 职业 业界 领域 行当
产业 财产 家当 工业 产业链
企业 公司 厂商 商家 厂家
公司 企业 商号 商社 厂商
集团 团体 个人 财团 集体
投资 注资 出资 投入 投资额
投资者 投资人 出资者 出资人 投资方
股东 股民 股本 股东方 持股人
股份 股分 股权 股票 持股
股票 股份 证券 股市 股权
股价 股票价格 股值 价位 价钱
资金 资本 款子 本钱 基金
资本 本钱 资金 股本 血本
成本 本钱 资本 费用 代价
利润 赢利 红利 盈余 收益
收入 支出 进项 收益 所得
支出 收入 开支 开销 花消
亏损 吃亏 损失 亏本 赔本
损失 丧失 损耗 吃亏 亏损
收益 收成 收获 效益 进账
业绩 成绩 功绩 事迹 实绩
债务 债权 欠债 欠款 负债
贷款 借款 存款 放款 告贷
借款 乞贷 借钱 借贷 贷款
银行 钱庄 银号 存款行 金融机构
金融 财政 财经 金钱 经济
财务 财政 帐务 账务 财会
融资 筹资 集资 募资 融钱
诈骗 欺骗 骗取 讹诈 哄骗
风险 危害 危险 风险性 隐患
违约 背约 毁约 失约 违反约定
逾期 过期 超期 误期 延期
平台 阳台 台子 站台 平台方
监管 羁系 监视 监督 管控
监督 监视 督察 督促 监察
价格 价钱 代价 价位 标价
价值 代价 价格 价钱 值
费用 用度 开支 花费 开销
消费 花费 消耗 斲丧 破费
消费者 花费者 消耗者 顾客 买家
客户 顾客 用户 主顾 客人
用户 使用者 利用者 客户 用家
产品 产物 成品 出品 货物
服务 办事 效劳 效力 服侍
品牌 牌子 品牌名 商标 招牌
销售 贩卖 发卖 出售 售卖
营销 推销 行销 贩卖 倾销
商品 货物 物品 货色 商货
质量 品质 质地 质料 成色
数量 数目 数额 多少 数字
规模 范围 局限 框框 体量
范围 规模 局限 界限 限度
增长 增加 增进 增添 增多
增加 增长 增添 增多 添加
减少 削减 淘汰 削弱 减低
下降 降落 下跌 降低 回落
上涨 上升 涨价 高涨 上扬
提高 进步 提升 前进 增高
提升 晋升 进步 提高 擢升
降低 下降 减低 低落 贬低
扩大 扩展 扩张 增大 放大
超过 跨越 凌驾 逾越 高出
达到 到达 抵达 达成 告竣
实现 完成 告竣 达成 兑现
完成 实现 告竣 做完 完结
开始 开端 起头 动手 肇始
结束 竣事 完结 终结 收场
继续 持续 连续 接续 陆续
持续 连续 延续 继续 陆续
保持 维持 坚持 连结 保存
坚持 对峙 僵持 维持 周旋
技术 技能 手艺 技巧 本领
科技 科学技术 高科技 技术 科学
网络 收集 汇集 网路 网罗
互联网 因特网 彼此网 网络 万维网
手机 移动电话 手提电话 手机械 电话
电脑 计算机 计较机 微机 电子计算机
软件 软体 程序 利用程序 应用
数据 数据资料 资料 数字 材料
信息 讯息 资讯 消息 信息化
系统 体系 零碎 系统化 整体
智能 智慧 智力 聪明 智能化
设备 装备 设施 器材 配置
设施 举措措施 装备 设备 方法
功能 功用 性能 效能 机能
性能 机能 功能 效能 特性
应用 运用 利用 使用 操纵
使用 利用 运用 应用 操纵
操作 把持 操纵 运营 操控
运营 经营 营运 运作 策划
经营 运营 策划 经管 筹划
开发 开辟 开拓 研发 斥地
研发 研究开发 研制 开发 研究
研究 钻研 研讨 探讨 探究
创新 立异 改革 翻新 革新
改革 鼎新 变革 革新 改造
升级 晋级 进级 提级 升等
下载 下载安装 下调 下达 卸载
上线 上线路 下线 发布 推出
推出 推出了 提出 退出 推广
平台上 阳台上 台子上 站台上
视频 录像 视讯 影像 影片
网站 网址 站点 网页 网络站
链接 链路 连接 衔接 超链接
账户 帐户 账号 户头 账目
账号 帐号 账户 用户名 户头
密码 暗码 口令 秘码 密钥
安全 平安 安然 保险 安定
病毒 病菌 毒素 细菌 病原
医院 病院 医疗院 诊所 医馆
医生 大夫 医师 郎中 先生
患者 病人 病患 患病者 病号
疾病 病症 疾患 病痛 毛病
治疗 医治 诊治 治疗法 调理
药品 药物 药材 药剂 医药
健康 康健 健壮 安康 壮健
身体 身材 体魄 躯体 肉体
生命 性命 人命 生命力 活命
死亡 灭亡 殒命 逝世 故去
检测 检验 测验 测试 检查
症状 病症 病状 病征 表征
教育 教导 教化 训导 培养
学校 黉舍 学堂 院校 书院
学生 先生 弟子 学员 门生
老师 先生 教员 导师 师长
教师 西席 老师 教员 先生
大学 年夜学 高校 大学堂 学府
考试 测验 考查 考核 测试
学习 进修 研习 练习 修业
培训 造就 培育 培养 训练
孩子 小孩 儿童 孩童 后代
家长 家长里短 父母 爹娘 双亲
父母 怙恃 爹妈 双亲 家长
家庭 家园 家户 家族 家中
女性 女人 密斯 妇女 女子
男子 汉子 须眉 男性 男人
女子 女人 巾帼 女性 女儿
老人 白叟 老年人 长者 老者
员工 职工 雇员 职员 员工们
工作人员 事情职员 工作职员 职员
专家 专家学者 行家 内行 大家
记者 记者们 通讯员 报社记者 采访者
朋友 伴侣 挚友 友人 同伴
时间 时光 光阴 韶光 时刻
时候 时辰 时刻 时分 时节
今年 本年 当年 今岁 本年度
去年 客岁 上年 前一年 昨年
明年 来岁 次年 翌年 下一年
近日 连日 日前 克日 比来
近年来 比年来 频年来 近几年来 这些年来
最近 比来 近来 新近 近日
未来 将来 今后 来日 异日
过去 从前 以往 畴昔 昔日
历史 汗青 青史 史书 往事
传统 传统性 守旧 旧俗 古板
文化 文明 文化艺术 文气 人文
艺术 艺术品 美术 艺文 技艺
电影 影戏 片子 影片 电影片
音乐 乐曲 音律 声乐 乐律
比赛 竞赛 角逐 赛事 比拼
冠军 夺冠 第一名 首级 状元
球队 步队 球团 队伍 团队
运动员 活动员 举措员 选手 健儿
教练 锻练 教头 指导 导师
体育 体育活动 活动 运动 锻炼
农民 农人 农夫 庄稼人 农户
农业 农事 农耕 稼穑 农业化
农村 乡村 屯子 村落 村庄
粮食 食粮 粮米 口粮 粮秣
土地 地盘 田地 领土 地皮
环境 情况 情形 境况 处境
污染 净化 玷污 传染 浑浊
保护 掩护 维护 庇护 呵护
治理 管理 整理 整治 处置
排放 排泄 排出 释放 放出
能源 动力 资源 能量 燃料
资源 资本 财富 物资 资产
房地产 房地财产 地产 不动产 房产
房价 屋价 房钱 楼价 房屋价格
楼盘 楼宇 楼市 房产 楼群
住房 室第 衡宇 住宅 房子
住宅 室第 寓所 宅院 房子
交通 交通运输 通行 交流 运输
车辆 车子 车马 车辆辆 车
汽车 轿车 车子 汽车辆 轿子
司机 司机员 驾驶员 车手 驾驶者
道路 途径 路途 门路 马路
旅游 游览 旅行 观光 游历
游客 旅客 观光客 行人 搭客
乘客 搭客 旅客 乘车人 游客
航班 班机 航线 航次 飞机
机场 飞机场 航站 机坪 空港
物流 物资流通 运输 快递 配送
快递 速递 快件 邮递 特快
食品 食物 食品类 吃食 食材
餐厅 饭馆 食堂 餐馆 饭店
军队 部队 戎行 军旅 武装
战争 战斗 干戈 斗争 战役
安全感 平安感 安然感 保险感
大家 年夜家 各人 大伙 大师
大型 年夜型 巨型 大范围 庞大型
大幅 年夜幅 大幅度 大年夜幅 巨幅
扩大会议 扩年夜会议 扩展会议
强大 壮大 弱小 强盛 强大年夜
巨大的 庞大的 宏大的 伟大的
观点 概念 不雅点 看法 见解
观察 不雅察 察看 视察 考察
观众 不雅众 看客 观者 受众
客观 客不雅 主观 真实 中立
主观 主不雅 客观 片面 私见
乐观 乐不雅 悲观 达观 开朗
悲观 悲不雅 失望 消沉 乐观
景观 景不雅 风光 景致 风景
居民 居平易近 住民 住户 居者
市民 市平易近 城民 都会人 居民
民众 平易近众 大众 公众 群众
网民 网平易近 网友 网虫 网众
居民楼 住民楼 居平易近楼 住宅楼
获得 获取 博得 取得 获患上
取得 获得 得到 博得 取患上
记得 记患上 记着 记住 难忘
觉得 感觉 以为 感到 觉患上
值得 值患上 犯得上 值当 配得上
显得 显患上 显现 显露 显出
不一样 纷歧样 不同 分歧 各异
不一致 纷歧致 不同一 分歧 相悖
不可能 弗成能 不大概 没可能 不成能
不可思议 弗成思议 难以想象 匪夷所思
不可避免 弗成避免 难以避免 无法避免
不得不 不能不 不患上不 只得 只好
时候的 时辰的 时刻的 时分的
的时候 的时辰 的时刻 的时分 之时
有时候 有时辰 偶然候 有时 偶然
小时候 小时辰 儿时 童年 幼时
重要性 主要性 首要性 紧张性 紧要性
可能性 大概性 能够性 也许性 或然性
积极性 主动性 踊跃性 努力性 能动性
稳定性 不变性 安稳性 平稳性 坚固性
安全性 平安性 安然性 保险性 可靠性
合法性 正当性 合规性 法定性 合理性
合理 公道 合情合理 有理 适当
合适 适合 恰当 适宜 妥帖
适合 合适 适宜 切合 恰当
符合 切合 合乎 相符 契合
合法 正当 正当性 法定 合规
正常 一般 平常 常态 寻常
稳定 不变 安稳 平稳 稳固
积极 主动 踊跃 努力 活跃
主动 自动 积极 被动 能动
被动 主动 消极 受动 被迫
消极 悲观 负面 主动 颓丧
成功 胜利 成就 功成 乐成
失败 失利 掉败 败北 挫败
困难 坚苦 艰难 难题 难处
问题 成绩 难题 题目 疑问
情况 环境 情形 状况 景象
影响 感化 作用 冲击 影响力
作用 感化 功能 效用 意图
结果 成果 功效 效果 终局
效果 结果 功效 成效 后果
原因 缘故 缘由 启事 原由
理由 来由 缘由 因由 根据
目的 目标 方针 意图 宗旨
意义 含义 意思 涵义 价值
内容 内容物 内文 本质 内在
特点 特色 特征 特性 特质
优势 上风 优胜 长处 强项
劣势 优势 短处 弱势 下风
优点 长处 利益 好处 亮点
缺点 弱点 缺陷 欠缺 短处
机会 时机 机遇 机缘 良机
挑战 寻衅 挑衅 考验 应战
压力 压力感 重压 压服力 负担
能力 才能 才干 本领 能耐
水平 程度 水准 档次 层次
程度 水平 水准 境地 程度上
方面 方面的 层面 方位 范畴
领域 范畴 畛域 规模 园地
行动 举措 动作 步履 活动
行为 举动 行动 作为 所为
现象 征象 景象 气象 表象
事件 变乱 事故 事宜 事变
事故 变乱 不测 事件 灾祸
意外 不测 出乎意料 偶然 意想不到
危险 伤害 风险 危害 危急
伤害 损伤 毁伤 侵害 妨害
损害 侵害 危害 损伤 妨害
破坏 损坏 毁坏 粉碎 破损
保障 保证 包管 保险 担保
保证 包管 担保 确保 保障
确保 确保证 包管 保证 保障
支持 支撑 撑持 赞成 援助
帮助 帮忙 辅佐 协助 资助
参与 介入 加入 参加 插手
参加 加入 插手 介入 出席
举行 进行 举办 召开 实行
进行 举行 停止 开展 执行
开展 展开 打开 发展 睁开
展开 开展 打开 睁开 伸展
召开 举行 举办 召集 开会
举办 主办 承办 举行 开办
建设 扶植 建造 修建 建立
建立 成立 设立 确立 树立
成立 建立 设立 组建 创建
推动 鞭策 推进 促进 带动
推进 推动 鞭策 促进 推行
促进 增进 推动 促使 鞭策
加强 增强 增强化 强化 加大
加快 加速 放慢 提速 加紧
加大 加年夜 加强 增大 放大
实施 实行 施行 履行 推行
执行 履行 实行 施行 推行
落实 实行 执行 贯彻 完成
改善 改进 改良 改变 好转
改变 转变 改动 变动 变更
变化 转变 变迁 变革 改变
调整 调剂 调节 整顿 调解
控制 节制 掌握 操纵 把握
掌握 把握 控制 把握住 主宰
选择 挑选 遴选 抉择 择选
决定 决意 决心 定夺 确定
考虑 斟酌 思量 思考 研究
准备 预备 筹办 筹备 打算
希望 但愿 盼望 期望 愿望
相信 信赖 深信 置信 坚信
信任 信赖 相信 托付 信托
关注 存眷 关心 关切 重视
重视 看重 器重 注重 正视
注意 留意 在意 注重 重视
了解到 相识到 知道到 懂得到
董事长 董事少 懂事长 主席 老板
总经理 总司理 总经纪 总裁 总管
经理 司理 经纪 襄理 主管
高管 高层 高级管理人员 高干 高管层
上市 上市公司 挂牌 上市场 登陆
上市公司 上市企业 挂牌公司 上市商号
涉嫌 涉嫌于 涉及 牵涉 有嫌
维权 保护权益 维护权益 掩护权益 维权益
兑付 兑现 支付 付出 兑换
立案 备案 挂号 立项 建档
侦查 侦察 窥察 调查 侦办
清盘 清算 清理 盘点 清仓
暴雷 爆雷 爆仓 崩盘 跑路
跑路 逃跑 潜逃 出逃 奔走
理财 理产 管钱 财务管理 投资理财
出借人 出借者 借出人 债主 放贷人
借款人 乞贷人 借钱人 借方 借款方
投资人 投资者 出资人 投资方 金主
收益率 收益比 回报率 收成率 利率
利率 利钱率 利息率 息率 年利率
利息 利钱 息金 息钱 收益
本金 本钱 本金额 本利 资本金
金额 金钱数 数额 款额 额度
额度 限额 额量 数额 度数
资产 财产 产业 资财 家产
负债 欠债 负担 债务 亏欠
证券 股票 债券 券商 有价证券
基金 资金 基金会 专款 本钱
保险 稳妥 保障 安全 安全险
银行卡 银行卡片 储蓄卡 借记卡 信用卡
信用卡 信誉卡 信用证 贷记卡 银行卡
信用 信誉 信用度 名誉 声誉
信誉 信用 声誉 名誉 荣誉
声誉 名誉 信誉 名声 声望
品质 风致 品德 质量 性质
商品质量 商品品质 货品质量 商品德量
消费者权益 花费者权益 消耗者权益 顾客权益
合法权益 正当权益 合法权利 合法利益
权益 权利 权力 利益 权柄
权利 权力 权益 职权 权柄
利益 好处 益处 长处 权益
责任 义务 职责 任务 责任心
义务 责任 任务 权利 职责
职责 职守 职务 责任 任务
职务 职位 岗位 职守 官职
岗位 职位 职务 职守 岗亭
工资 薪资 薪水 人为 薪酬
薪酬 薪资 工资 酬劳 报酬
员工们 职工们 雇员们 员工群
招聘 雇用 招募 聘请 延聘
辞职 告退 离职 去职 请辞
离职 去职 辞职 离任 离岗
退休 离休 告老 退职 离任
就业 失业 待业 工作 任职
失业 赋闲 下岗 就业 无业
裁员 减员 裁人 辞退 精简
输入 输出 录入 键入 输进
输出 输入 导出 出口 产出
出口 入口 进口 输出 外销
进口 入口 出口 输入 引进
放松 抓紧 松开 放宽 松弛
投诉 赞扬 告发 申诉 控诉
举报 告发 检举 揭发 告密
控告 告状 指控 诉讼 控诉
质疑 置疑 怀疑 诘问 疑心
批评 品评 攻讦 责备 指责
赞扬 投诉 赞美 表扬 称赞
表扬 赞扬 表彰 奖饰 嘉奖
奖励 嘉奖 奖赏 褒奖 激励
鼓励 激励 勉励 鼓舞 鼓动勉励
批准 核准 允许 许可 准许
允许 许可 准许 容许 答应
禁止 制止 阻止 严禁 不准
阻止 阻拦 禁止 防止 拦阻
防止 防备 预防 避免 防范
避免 防止 制止 躲避 规避
规避 躲避 回避 防止 逃避
面临 面对 面对着 直面 遭遇
面对 面临 直面 面向 对于
遭遇 遭受 蒙受 遇到 碰到
遇到 碰到 碰见 遭受 遭遇
发生 产生 出现 发作 呈现
出现 呈现 显现 浮现 泛起
产生 发生 孕育发生 出现 形成
引起 激发 引发 导致 惹起
导致 招致 致使 引起 造成
造成 形成 导致 酿成 构成
形成 构成 造成 组成 变成
变成 酿成 成为 造成 化为
成为 成了 变成 化为 作为
属于 归属 隶属 属于于 从属
拥有 具有 领有 占有 持有
具有 拥有 具备 兼具 带有
存在 具有 生存 存留 保存
包括 包罗 囊括 包含 涵盖
包含 包括 蕴含 包罗 含有
涉及 触及 波及 关涉 牵涉
提供 供应 供给 给予 提供应
获悉 得悉 得知 获知 听说
据悉 据了解 听说 据说 据知
据了解 据相识 据悉 听说 据知道
记者了解到 记者相识到 记者获悉 记者得知
值得注意的是 值患上注意的是 值得留意的是 需要注意的是
与此同时 与此同时辰 同时 同期
一方面 一方面来说 一壁 一面 单方面
另一方面 另一方面来说 另一壁 另一面
事实上 究竟上 现实上 实际上 实在
实际上 现实上 事实上 实在 实质上
实际 现实 实践 实在 真实
现实 实际 实践 事实 现状
事实 究竟 现实 真相 实情
真相 本相 实情 真实 实况
发生了 产生了 出现了 发作了
天气 气候 天色 天候 气象
气温 温度 气候温度 天气温度 热度
降雨 下雨 降水 落雨 雨量
春节 新年 旧历年 过年 年节
节日 节庆 节假日 佳节 节令
假期 假日 休假 假期间 长假
周末 礼拜天 周终 星期末 周日
每天 每日 天天 逐日 日日
每年 每一年 年年 逐年 历年
全年 整年 通年 一年到头 终年
上半年 上半年度 前半年 上年度
下半年 后半年 下半年度 后一年
年底 岁尾 年关 年末 年尾
月底 月尾 月终 月末 月杪
当天 当日 那天 即日 同日
当时 其时 那时 当初 昔时
同比 同比增长 比较 同期相比 对比
环比 环比增长 相比 比照 比拟
季度 季候 季节 季 季度性
财报 财务报告 财政报告 财报表 账目
公告 通告 布告 通知 告示
通知 通告 告诉 奉告 关照
文件 文书 文档 档案 资料
材料 资料 质料 素材 原料
原料 质料 原材料 材料 原料品
制造 建造 制作 出产 缔造
生产 出产 临盆 制造 产出
工厂 工场 厂房 厂子 车间
工人 工友 劳工 职工 工作者
设立 建立 设置 成立 开设
开设 设立 开办 设置 开设置
关闭 封闭 闭幕 关掉 停业
停业 歇业 关门 停止营业 倒闭
倒闭 开张 关门 破产 停业
破产 停业 倒闭 开张 破财
恢复 规复 复原 回复 光复
退还 退回 返还 偿还 送还
归还 偿还 送还 退还 还给
赔偿 补偿 赔付 抵偿 弥补
补偿 赔偿 补助 弥补 抵偿
补贴 补助 津贴 贴补 补助金
申请 请求 恳求 申报 报请
办理 处理 处置 经办 打点
手续 手续费 步骤 程序 法式
程序 法式 步骤 流程 顺序
流程 过程 进程 工序 程序
过程 历程 进程 经过 经由
阶段 阶段性 时期 时段 期间
期间 时期 时代 期内 当中
时期 期间 时代 阶段 时候
时代 期间 时期 年代 时期代
年代 岁月 时代 年份 年月
最终 终极 最后 终于 最末
最大 最年夜 最多 最高 至大
最高 最顶 最上 至高 最大
最低 最小 起码 至低 最少
最好 最佳 最优 最为好 顶好
最佳 最好 最优 最棒 上佳
较大 较年夜 比较大 颇大 较为大
较高 比较高 较为高 颇高 偏高
较低 比较低 较为低 偏低 颇低
较多 比较多 较为多 颇多 偏多
较少 比较少 较为少 偏少 颇少
不少 很多 许多 良多 多数
不足 不敷 不够 缺乏 不可
缺乏 缺少 短缺 匮乏 欠缺
丰富 丰硕 丰厚 富厚 富足
复杂 庞杂 繁杂 复杂化 纷乱
简单 简略 容易 复杂 单纯
容易 轻易 简单 便当 随便
方便 便利 便当 利便 方便性
快速 迅速 飞速 疾速 快捷
迅速 敏捷 快速 急速 飞速
及时 实时 按时 准时 适时
准确 精确 正确 确切 切确
正确 准确 精确 对的 无误
错误 过错 失误 谬误 毛病
清楚 清晰 明白 明了 清楚地
明确 明白 确定 确切 清楚
完善 完美 健全 完整 美满
完整 完全 完好 残破 齐全
完全 彻底 全然 完整 统统
彻底 完全 透辟 根本 完全地
基本 根本 基础 根基 大致
根本 基本 基础 底子 从来
基础 根本 基本 底子 基石
核心 焦点 中心 关键 重心
关键 要害 核心 症结 枢纽
焦点 核心 中心 热点 要点
热点 热门 焦点 亮点 热度
重点 要点 重心 焦点 重点儿
中心 中间 核心 中央 心脏
城市 都会 都市 城镇 城里
地区 地域 区域 地带 地方
区域 地区 地域 区块 片区
地方 处所 所在 场合 地方上
全国 天下 全国性 举国 世界
世界 天下 全球 寰宇 环球
全球 环球 全世界 世界 举世
国际 国外 外洋 海外 国际上
海外 外洋 国外 境外 海内
国内 海内 境内 国际 本国
"""

# original, middle, end (two steps; the table stores original -> end)
CHAINS = """
发展 成长 生长
结果 成果 功效
效果 结果 成果
情况 情形 景象
作用 感化 打动
方法 办法 措施
办法 措施 步伐
技术 技能 本领
能力 才能 才干
失败 失利 掉利
增加 增长 增进
减少 削减 削弱
提高 进步 前进
改革 鼎新 变革
转变 改变 更改
关注 存眷 眷注
认为 觉得 感觉
感到 觉得 感觉
发现 发明 创造
创造 缔造 制造
建设 扶植 培植
建立 设立 创立
结构 构造 布局
工作 事情 事件
任务 职责 职守
义务 任务 使命
认真 当真 仔细
详细 具体 切实
经验 履历 资历
经历 履历 阅历
时间 时光 光阴
开始 开端 起头
结束 竣事 收场
实现 告竣 达成
参加 加入 插手
帮助 帮忙 辅佐
支持 支撑 撑持
安全 平安 安然
危险 伤害 损伤
损害 侵害 危害
破坏 损坏 毁坏
处理 处置 措置
管理 治理 办理
调查 查询拜访 观察
检查 查抄 搜检
研究 钻研 研讨
讨论 商量 磋商
选择 挑选 遴选
考虑 斟酌 思量
准备 预备 筹办
计划 规划 筹划
目标 指标 方针
方向 偏向 倾向
方式 体例 格局
形式 情势 形势
状态 形态 状况
条件 前提 先决
原因 缘故 缘由
根据 依据 凭据
规定 划定 规矩
需求 需要 须要
提供 供应 供给
出现 呈现 浮现
表现 体现 表现出
反映 反应 响应
导致 招致 致使
形成 构成 组成
消费 消耗 斲丧
消费者 消耗者 斲丧者
产品 产物 产品物
服务 办事 办理事
市场 墟市 集市
价格 价钱 代价
质量 品质 风致
数量 数目 数量目
公司 企业 企业界
企业 公司 商号
投资 出资 出资额
资金 资本 本钱
利润 赢利 红利
损失 丧失 损耗
债务 欠债 亏欠
银行 钱庄 银号
风险 危害 风险性
监管 羁系 监视
平台 阳台 晒台
用户 使用者 利用者
使用 利用 哄骗
网络 收集 汇集
信息 讯息 音信
系统 体系 系统性
数据 数据资料 资料
医院 病院 病房
学生 门生 弟子
老师 教员 教练员
孩子 小孩 小孩子
家庭 家园 故乡
国家 国度 国家度
政府 当局 当局者
法律 执法 执法者
社会 社群 社区
经济 财经 财经界
行业 职业 工作
问题 成绩 成就
目前 今朝 今晨
通过 经由过程 经过历程
表示 暗示 表示暗示
已经 曾经 曾经经
但是 然而 但是然而
因为 由于 由于于
所以 以是 是以
同时 同期 同一时期
非常 异常 非同寻常
特别 出格 破格
重要 主要 首要
严重 紧张 焦虑
明显 较着 较为明显
充分 充实 充足
保护 掩护 遮护
发布 公布 宣布
公布 颁布 颁发
宣布 颁布 发表
报道 报导 报道导
介绍 先容 引先容
强调 夸大 浮夸
指出 指明 指出明
透露 流露 泄露
了解 相识 了解识
知道 晓得 明晓
相关 有关 相干
关系 干系 相干
联系 接洽 洽商
合作 协作 协同
竞争 合作 协作
"""


def show(path: str) -> list[list[str]]:
    text = subprocess.run(["git", "-C", str(ROOT), "show", f"{REV}:{path}"], capture_output=True, text=True,
                          check=True).stdout
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "corpora" / "despin" / "tables" / "test15.tsv"
    earlier: set[tuple[str, str]] = set()
    freshest: set[str] = set()
    for name in EARLIER:
        for r in show(f"corpora/despin/tables/{name}.tsv"):
            earlier.add((r[0], r[1]))
            if name == FRESHEST:
                freshest.add(r[0])
    lexicon = {(r[1], r[0]) for r in show("corpora/despin/lexicon.tsv")}  # file columns: spun, original
    test = "\n".join(texts("test"))
    train = "\n".join(_inews("train"))
    tcount: dict[str, int] = {}
    odd: dict[str, bool] = {}

    def in_test(w: str) -> int:
        if w not in tcount:
            tcount[w] = test.count(w)
        return tcount[w]

    def is_odd(w: str) -> bool:
        if w not in odd:
            odd[w] = train.count(w) < ODD_BELOW
        return odd[w]

    print(f"earlier pairs {len(earlier)}, {FRESHEST} originals {len(freshest)}, lexicon pairs {len(lexicon)}")

    def original_ok(o: str, why: Counter) -> bool:
        if len(o) < 2:
            why["one character"] += 1
        elif o in freshest:
            why[f"{FRESHEST} original"] += 1
        elif in_test(o) < MIN_TEST:
            why[f"< {MIN_TEST} in test split"] += 1
        else:
            return True
        return False

    # chains
    why: Counter = Counter()
    chains: dict[str, tuple[str, str]] = {}
    for line in CHAINS.strip().splitlines():
        o, m, e = line.split()
        if o in chains:
            why["duplicate original"] += 1
        elif (o, e) in earlier:
            why["earlier pair"] += 1
        elif (o, e) in lexicon:
            why["end pair in lexicon"] += 1
        elif e in (o, m) or o in e:
            why["end = middle/original or wraps it"] += 1
        elif original_ok(o, why):
            chains[o] = (m, e)
    print(f"chains: {len(CHAINS.strip().splitlines())} written, {len(chains)} pass; dropped {dict(why)}")

    # candidate table (novel part): non-lexicon alternatives
    why = Counter()
    alts_dropped: Counter = Counter()
    cands: dict[str, list[str]] = {}
    written: dict[str, list[str]] = {}
    for line in CANDIDATES.strip().splitlines():
        o, *alts = line.split()
        written.setdefault(o, [])
        written[o] += [a for a in alts if a not in written[o]]
    n_alts = sum(len(v) for v in written.values())
    for o, alts in written.items():
        if not original_ok(o, why):
            continue
        keep = []
        for a in alts:
            if a == o or o in a:
                alts_dropped["equal to / wraps the original"] += 1
            elif (o, a) in earlier:
                alts_dropped["earlier pair"] += 1
            elif (o, a) in lexicon:
                alts_dropped["lexicon pair (lexicon part samples the lexicon)"] += 1
            else:
                keep.append(a)
        if keep:
            cands[o] = keep
        else:
            why["no alternative left"] += 1
    print(f"candidates: {len(written)} originals, {n_alts} alternatives; {len(cands)} originals pass; "
          f"originals dropped {dict(why)}; alternatives dropped {dict(alts_dropped)}")

    # lexicon part: lexicon pairs passing the same exclusions
    why = Counter()
    lexpool: dict[str, list[str]] = {}
    for o, s in sorted(lexicon):
        if (o, s) in earlier:
            why["earlier pair"] += 1
        elif s == o or o in s or not s:
            why["equal to / wraps the original"] += 1
        elif original_ok(o, why):
            lexpool.setdefault(o, []).append(s)
    print(f"lexicon pool: {len(lexpool)} originals ({sum(map(len, lexpool.values()))} pairs) pass; dropped {dict(why)}")

    # firing, BEFORE selection: spin the test split with the whole pool
    pool: dict[str, tuple[str, str]] = {}
    for o, alts in cands.items():
        pool[o] = (alts[0], "novel")
    for o, spuns in lexpool.items():
        pool[o] = (spuns[0], "lexicon")
    for o, (m, e) in chains.items():
        pool[o] = (e, "chain")
    _, toks = spin(test, pool)
    fired = Counter(t.original for t in toks)
    silent = {o for o in pool if not fired[o]}
    chains = {o: v for o, v in chains.items() if o not in silent}
    cands = {o: v for o, v in cands.items() if o not in silent}
    lexpool = {o: v for o, v in lexpool.items() if o not in silent}
    print(f"pool {len(pool)} originals: {len(silent)} never fire (dropped); left chains {len(chains)}, "
          f"candidate originals {len(cands)}, lexicon-pool originals {len(lexpool)}")

    rng = random.Random(SEED)
    rows: dict[str, tuple[str, str]] = {}
    n_odd = 0

    def want_odd() -> bool:
        return n_odd < ODD_SHARE * (len(rows) + 1) - 1e-9 if rows else True

    def loops(o: str, s: str) -> bool:
        return s in rows and rows[s][0] == o

    loops_skipped = 0
    for o in rng.sample(sorted(chains), min(N_CHAIN, len(chains))):
        e = chains[o][1]
        if loops(o, e):
            loops_skipped += 1
            continue
        rows[o] = (e, "chain")
        n_odd += is_odd(e)
    n_chain = len(rows)

    lex_order = sorted(o for o in lexpool if o not in rows)
    rng.shuffle(lex_order)
    n_lex = 0
    for o in lex_order:
        if n_lex >= N_LEX:
            break
        spuns = [s for s in lexpool[o] if not loops(o, s)]
        if not spuns:
            loops_skipped += 1
            continue
        w = want_odd()
        pick = next((s for s in spuns if is_odd(s) == w), spuns[0])
        rows[o] = (pick, "lexicon")
        n_odd += is_odd(pick)
        n_lex += 1

    nov_order = sorted(o for o in cands if o not in rows)
    rng.shuffle(nov_order)
    skipped_share = 0
    for o in nov_order:
        if len(rows) >= N_ROWS:
            break
        w = want_odd()
        alts = [a for a in cands[o] if is_odd(a) == w and not loops(o, a)]
        if not alts:
            skipped_share += 1
            continue
        rows[o] = (alts[0], "novel")
        n_odd += is_odd(alts[0])
    n_nov = len(rows) - n_chain - n_lex

    with out.open("w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER)
        for o in sorted(rows):
            s, kind = rows[o]
            f.write(f"{o}\t{s}\t{kind}\n")
    kinds = Counter(k for _, k in rows.values())
    print(f"rows {len(rows)}: chain {n_chain}, lexicon {n_lex}, novel {n_nov} ({dict(kinds)}); odd spun forms "
          f"{n_odd}; novel originals skipped for the odd share {skipped_share}; loop alternatives skipped "
          f"{loops_skipped}; lexicon pairs by membership {sum((o, s) in lexicon for o, (s, _) in rows.items())}")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
