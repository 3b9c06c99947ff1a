<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AcceptDialog</name>
    <message>
        <source>Accept trade-in</source>
        <translation>接受置换</translation>
    </message>
    <message>
        <source>Optional: the deal&apos;s number</source>
        <translation>可选：销售单号</translation>
    </message>
    <message>
        <source>On &amp;deal</source>
        <translation>所属销售单(&amp;D)</translation>
    </message>
    <message>
        <source>The trade-in of %1 is accepted on deal %2.</source>
        <translation>已接受置换车 %1，计入销售单 %2。</translation>
    </message>
    <message>
        <source>The trade-in of %1 is accepted.</source>
        <translation>已接受置换车 %1。</translation>
    </message>
</context>
<context>
    <name>AddStockDialog</name>
    <message>
        <source>Add a car to stock</source>
        <translation>车辆入库</translation>
    </message>
    <message>
        <source>C&amp;ondition</source>
        <translation>新旧(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>车系(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Trim</source>
        <translation>配置(&amp;T)</translation>
    </message>
    <message>
        <source>O&amp;ptions</source>
        <translation>选装(&amp;P)</translation>
    </message>
    <message>
        <source>17 characters, no I, O or Q</source>
        <translation>17 位，不含 I、O、Q</translation>
    </message>
    <message>
        <source>&amp;VIN</source>
        <translation>车架号(&amp;V)</translation>
    </message>
    <message>
        <source>Co&amp;lour</source>
        <translation>颜色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Engine number</source>
        <translation>发动机号(&amp;E)</translation>
    </message>
    <message>
        <source>Empty: the next number of the series</source>
        <translation>留空：取编号序列的下一个号</translation>
    </message>
    <message>
        <source>&amp;Stock number</source>
        <translation>库存编号(&amp;S)</translation>
    </message>
    <message>
        <source>St&amp;atus</source>
        <translation>状态(&amp;A)</translation>
    </message>
    <message>
        <source>A&amp;rrived on</source>
        <translation>到店日期(&amp;R)</translation>
    </message>
    <message>
        <source>e.g. showroom, yard B-12</source>
        <translation>例如：展厅、B区-12</translation>
    </message>
    <message>
        <source>Locat&amp;ion</source>
        <translation>库位(&amp;I)</translation>
    </message>
    <message>
        <source>Purchase &amp;cost</source>
        <translation>采购成本(&amp;C)</translation>
    </message>
    <message>
        <source>Empty: the trim&apos;s list price plus the options&apos;</source>
        <translation>留空：配置指导价加选装价</translation>
    </message>
    <message>
        <source>List &amp;price</source>
        <translation>指导价(&amp;P)</translation>
    </message>
    <message>
        <source>A car is added from the catalogue (Vehicle catalogue). A used car may have no trim of the catalogue.</source>
        <translation>新车按车型目录中的配置入库；二手车可以不选目录中的配置。</translation>
    </message>
    <message>
        <source>Not from the catalogue</source>
        <translation>不在车型目录中</translation>
    </message>
    <message>
        <source>The catalogue has no models yet: add one in Vehicle catalogue first</source>
        <translation>车型目录中还没有车系：请先在“车型目录”中添加</translation>
    </message>
</context>
<context>
    <name>AdjustStockDialog</name>
    <message>
        <source>Adjust stock</source>
        <translation>调整库存</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>在库</translation>
    </message>
    <message>
        <source>e.g. 2 or -1</source>
        <translation>例如 2 或 -1</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>数量(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Adjust</source>
        <translation>调整(&amp;A)</translation>
    </message>
    <message>
        <source>A positive quantity adds stock found; a negative one removes stock lost or damaged.</source>
        <translation>正数表示增加找到的库存；负数表示扣除丢失或损坏的库存。</translation>
    </message>
</context>
<context>
    <name>AdminLabels</name>
    <message>
        <source>Owner / administrator</source>
        <translation>所有者 / 管理员</translation>
    </message>
    <message>
        <source>Sales manager</source>
        <translation>销售经理</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>销售顾问</translation>
    </message>
    <message>
        <source>Service advisor</source>
        <translation>服务顾问</translation>
    </message>
    <message>
        <source>Workshop foreman</source>
        <translation>车间主管</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>维修技师</translation>
    </message>
    <message>
        <source>Parts clerk</source>
        <translation>配件管理员</translation>
    </message>
    <message>
        <source>Cashier / accountant</source>
        <translation>收银 / 会计</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>View customers</source>
        <translation>查看客户</translation>
    </message>
    <message>
        <source>Create and edit customers</source>
        <translation>新建和编辑客户</translation>
    </message>
    <message>
        <source>Delete customers</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <source>See customers&apos; ID numbers in full</source>
        <translation>查看客户完整证件号码</translation>
    </message>
    <message>
        <source>Review duplicate customers and merge them</source>
        <translation>审核疑似重复客户并合并</translation>
    </message>
    <message>
        <source>View vehicles</source>
        <translation>查看车辆</translation>
    </message>
    <message>
        <source>Create and edit vehicles</source>
        <translation>新建和编辑车辆</translation>
    </message>
    <message>
        <source>Delete vehicles</source>
        <translation>删除车辆</translation>
    </message>
    <message>
        <source>Edit the vehicle catalogue and list prices</source>
        <translation>编辑车型目录和指导价</translation>
    </message>
    <message>
        <source>Add stock vehicles, move them in, cost them</source>
        <translation>车辆入库、到店及记录成本</translation>
    </message>
    <message>
        <source>View leads, test drives and follow-ups</source>
        <translation>查看销售线索、试驾和跟进</translation>
    </message>
    <message>
        <source>Create and work leads, log test drives</source>
        <translation>新建和跟进销售线索，登记试驾</translation>
    </message>
    <message>
        <source>Confirm a salesperson&apos;s lost lead</source>
        <translation>确认销售顾问的战败线索</translation>
    </message>
    <message>
        <source>View deals and quotations</source>
        <translation>查看销售单和报价</translation>
    </message>
    <message>
        <source>Quote, order, cancel and deliver deals</source>
        <translation>报价、下订、取消和交车</translation>
    </message>
    <message>
        <source>Approve deals above a salesperson&apos;s limits</source>
        <translation>审批超出销售顾问权限的销售单</translation>
    </message>
    <message>
        <source>Record loan applications and insurance policies</source>
        <translation>登记贷款申请和保险保单</translation>
    </message>
    <message>
        <source>Set salespeople&apos;s targets and see their commissions</source>
        <translation>设置销售目标并查看提成</translation>
    </message>
    <message>
        <source>Export lists to files</source>
        <translation>将列表导出为文件</translation>
    </message>
    <message>
        <source>Manage users</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <source>Manage roles and permissions</source>
        <translation>管理角色和权限</translation>
    </message>
    <message>
        <source>Browse the audit trail</source>
        <translation>浏览审计日志</translation>
    </message>
    <message>
        <source>Change dealership settings</source>
        <translation>修改经销商设置</translation>
    </message>
    <message>
        <source>Create and restore backups</source>
        <translation>创建和恢复备份</translation>
    </message>
    <message>
        <source>View invoices and payments</source>
        <translation>查看发票和收款</translation>
    </message>
    <message>
        <source>Create and edit draft invoices</source>
        <translation>新建和编辑发票草稿</translation>
    </message>
    <message>
        <source>Post invoices</source>
        <translation>开具（过账）发票</translation>
    </message>
    <message>
        <source>Issue credit notes</source>
        <translation>开具红字发票</translation>
    </message>
    <message>
        <source>Take and allocate payments</source>
        <translation>收款并核销</translation>
    </message>
    <message>
        <source>Refund payments</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Close the cash desk day</source>
        <translation>收银日结</translation>
    </message>
    <message>
        <source>View receivables and statements</source>
        <translation>查看应收账款和对账单</translation>
    </message>
    <message>
        <source>Record rebates and insurance claims</source>
        <translation>登记厂家返利和保险理赔</translation>
    </message>
    <message>
        <source>Export accounting journals</source>
        <translation>导出会计凭证</translation>
    </message>
    <message>
        <source>View parts and stock</source>
        <translation>查看配件和库存</translation>
    </message>
    <message>
        <source>Create and edit parts, prices and suppliers</source>
        <translation>新建和编辑配件、价格和供应商</translation>
    </message>
    <message>
        <source>Import catalogues, price lists and counts</source>
        <translation>导入配件目录、价格表和盘点</translation>
    </message>
    <message>
        <source>Adjust stock and post count variances</source>
        <translation>调整库存并过账盘点差异</translation>
    </message>
    <message>
        <source>Run stock counts</source>
        <translation>执行库存盘点</translation>
    </message>
    <message>
        <source>Create and send purchase orders</source>
        <translation>新建和发送采购订单</translation>
    </message>
    <message>
        <source>Receive goods</source>
        <translation>收货入库</translation>
    </message>
    <message>
        <source>See the changes waiting to sync</source>
        <translation>查看待同步的更改</translation>
    </message>
    <message>
        <source>See costs, suppliers and purchase orders</source>
        <translation>查看成本、供应商和采购订单</translation>
    </message>
    <message>
        <source>See gross profit, margins, rebates and claims</source>
        <translation>查看毛利、毛利率、返利和理赔</translation>
    </message>
    <message>
        <source>View repair orders</source>
        <translation>查看维修工单</translation>
    </message>
    <message>
        <source>Open and edit repair orders, jobs and lines</source>
        <translation>开立和编辑维修工单、作业及明细</translation>
    </message>
    <message>
        <source>See workshop prices, costs and amounts</source>
        <translation>查看维修价格、成本和金额</translation>
    </message>
    <message>
        <source>Reserve, issue and return parts for repair orders</source>
        <translation>为维修工单预留、发料和退料</translation>
    </message>
    <message>
        <source>Clock on and off jobs</source>
        <translation>开始作业和停止作业</translation>
    </message>
    <message>
        <source>Clock other technicians on and off jobs</source>
        <translation>为其他技师开始和停止作业</translation>
    </message>
    <message>
        <source>Correct technicians&apos; clocked and attended times and see their reports</source>
        <translation>更正技师的工时和出勤时间并查看其报表</translation>
    </message>
    <message>
        <source>Edit labour operations and rates</source>
        <translation>编辑工时项目和工时单价</translation>
    </message>
    <message>
        <source>Accept a mileage lower than the vehicle&apos;s last one</source>
        <translation>接受低于车辆上次记录的里程</translation>
    </message>
    <message>
        <source>Close repair orders into invoices</source>
        <translation>将维修工单结算为发票</translation>
    </message>
    <message>
        <source>Book, move and cancel appointments</source>
        <translation>预约、改约和取消预约</translation>
    </message>
    <message>
        <source>Set up technicians, advisors and bays with their working hours</source>
        <translation>设置技师、服务顾问和工位及其工作时间</translation>
    </message>
    <message>
        <source>Enter satisfaction surveys, see their results and follow-up tasks</source>
        <translation>录入满意度回访，查看回访结果和跟进任务</translation>
    </message>
    <message>
        <source>Carry out vehicle health checks</source>
        <translation>进行车辆健康检查</translation>
    </message>
    <message>
        <source>VAT 13%</source>
        <translation>增值税 13%</translation>
    </message>
    <message>
        <source>VAT 6%</source>
        <translation>增值税 6%</translation>
    </message>
    <message>
        <source>Zero-rated</source>
        <translation>零税率</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Cash desk</source>
        <translation>收银台</translation>
    </message>
    <message>
        <source>Receivables</source>
        <translation>应收账款</translation>
    </message>
    <message>
        <source>Rebates and insurance</source>
        <translation>返利与保险</translation>
    </message>
    <message>
        <source>Accounting</source>
        <translation>会计</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Purchasing</source>
        <translation>采购</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Margins</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>售后维修</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>销售线索</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>销售单</translation>
    </message>
    <message>
        <source>Finance and insurance</source>
        <translation>贷款与保险</translation>
    </message>
    <message>
        <source>Sales targets</source>
        <translation>销售目标</translation>
    </message>
    <message>
        <source>Dealership default</source>
        <translation>经销商默认</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Failed login</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码变更</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Stock adjusted</source>
        <translation>库存调整</translation>
    </message>
    <message>
        <source>Stock refused</source>
        <translation>库存不足被拒</translation>
    </message>
    <message>
        <source>Back-dated</source>
        <translation>倒签日期</translation>
    </message>
    <message>
        <source>Tax recomputed</source>
        <translation>重算税额</translation>
    </message>
    <message>
        <source>Lower mileage accepted</source>
        <translation>接受较低里程</translation>
    </message>
    <message>
        <source>Overbooked</source>
        <translation>超额预约</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>改约</translation>
    </message>
    <message>
        <source>Times corrected</source>
        <translation>已更正时间</translation>
    </message>
    <message>
        <source>Deposit kept as credit</source>
        <translation>定金转为客户余额</translation>
    </message>
    <message>
        <source>Cancelled deal&apos;s money kept as credit</source>
        <translation>已取消销售单的款项留作余额</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Customer tag</source>
        <translation>客户标签</translation>
    </message>
    <message>
        <source>Customer note</source>
        <translation>客户备注</translation>
    </message>
    <message>
        <source>Not duplicate customers</source>
        <translation>非重复客户</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Role permission</source>
        <translation>角色权限</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Tax rate</source>
        <translation>税率</translation>
    </message>
    <message>
        <source>Number series</source>
        <translation>单据编号</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Import preset</source>
        <translation>导入方案</translation>
    </message>
    <message>
        <source>Account mapping</source>
        <translation>科目映射</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Invoice line</source>
        <translation>发票明细</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Allocation</source>
        <translation>核销</translation>
    </message>
    <message>
        <source>Cash-desk day</source>
        <translation>收银日</translation>
    </message>
    <message>
        <source>Rebate</source>
        <translation>返利</translation>
    </message>
    <message>
        <source>Rebate entry</source>
        <translation>返利记录</translation>
    </message>
    <message>
        <source>Insurance claim</source>
        <translation>保险理赔</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Purchase order line</source>
        <translation>采购订单明细</translation>
    </message>
    <message>
        <source>Goods receipt</source>
        <translation>到货入库</translation>
    </message>
    <message>
        <source>Stock count line</source>
        <translation>盘点明细</translation>
    </message>
    <message>
        <source>Stock reservation</source>
        <translation>库存预留</translation>
    </message>
    <message>
        <source>Stock vehicle</source>
        <translation>库存车辆</translation>
    </message>
    <message>
        <source>Stock vehicle&apos;s added cost</source>
        <translation>库存车辆附加成本</translation>
    </message>
    <message>
        <source>Stock vehicle in or out</source>
        <translation>库存车辆出入库</translation>
    </message>
    <message>
        <source>Vehicle document</source>
        <translation>车辆证件</translation>
    </message>
    <message>
        <source>Catalogue model</source>
        <translation>目录车系</translation>
    </message>
    <message>
        <source>Catalogue trim</source>
        <translation>目录配置</translation>
    </message>
    <message>
        <source>Catalogue option</source>
        <translation>目录选装</translation>
    </message>
    <message>
        <source>Stock vehicle&apos;s option</source>
        <translation>库存车辆选装</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>销售线索</translation>
    </message>
    <message>
        <source>Lead follow-up task</source>
        <translation>销售线索跟进任务</translation>
    </message>
    <message>
        <source>Test drive</source>
        <translation>试驾</translation>
    </message>
    <message>
        <source>Deal line</source>
        <translation>销售单明细</translation>
    </message>
    <message>
        <source>Deal approval</source>
        <translation>销售单审批</translation>
    </message>
    <message>
        <source>Approval level</source>
        <translation>审批级别</translation>
    </message>
    <message>
        <source>Delivery checklist item</source>
        <translation>交车检查项</translation>
    </message>
    <message>
        <source>Loan application</source>
        <translation>贷款申请</translation>
    </message>
    <message>
        <source>Trade-in</source>
        <translation>置换车辆</translation>
    </message>
    <message>
        <source>Trade-in&apos;s condition</source>
        <translation>置换车车况</translation>
    </message>
    <message>
        <source>Trade-in&apos;s reconditioning</source>
        <translation>置换车整备费用</translation>
    </message>
    <message>
        <source>Insurance policy</source>
        <translation>保险保单</translation>
    </message>
    <message>
        <source>Insurance commission entry</source>
        <translation>保险佣金记录</translation>
    </message>
    <message>
        <source>Sales target</source>
        <translation>销售目标</translation>
    </message>
    <message>
        <source>Commission rule</source>
        <translation>提成规则</translation>
    </message>
    <message>
        <source>Labour operation</source>
        <translation>工时项目</translation>
    </message>
    <message>
        <source>Labour operation part</source>
        <translation>工时项目配件</translation>
    </message>
    <message>
        <source>Labour rate</source>
        <translation>工时单价</translation>
    </message>
    <message>
        <source>Repair job</source>
        <translation>维修作业</translation>
    </message>
    <message>
        <source>Labour line</source>
        <translation>工时行</translation>
    </message>
    <message>
        <source>Parts line</source>
        <translation>配件行</translation>
    </message>
    <message>
        <source>Sublet or consumable line</source>
        <translation>外协或辅料行</translation>
    </message>
    <message>
        <source>Clocking</source>
        <translation>打卡</translation>
    </message>
    <message>
        <source>Repair order&apos;s invoice</source>
        <translation>维修工单发票</translation>
    </message>
    <message>
        <source>Stock movement</source>
        <translation>库存变动</translation>
    </message>
    <message>
        <source>Part&apos;s stock figures</source>
        <translation>配件库存汇总</translation>
    </message>
    <message>
        <source>Workshop resource</source>
        <translation>车间资源</translation>
    </message>
    <message>
        <source>Working hours</source>
        <translation>工作时间</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Booked operation</source>
        <translation>预约工时项目</translation>
    </message>
    <message>
        <source>Service package</source>
        <translation>保养套餐</translation>
    </message>
    <message>
        <source>Service package line</source>
        <translation>保养套餐明细</translation>
    </message>
    <message>
        <source>Service package validity</source>
        <translation>保养套餐适用范围</translation>
    </message>
    <message>
        <source>Satisfaction survey</source>
        <translation>满意度回访</translation>
    </message>
    <message>
        <source>Follow-up task</source>
        <translation>跟进任务</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>出勤</translation>
    </message>
    <message>
        <source>Reason for time off jobs</source>
        <translation>非生产时间原因</translation>
    </message>
    <message>
        <source>Damage note</source>
        <translation>车损记录</translation>
    </message>
    <message>
        <source>Campaign or recall</source>
        <translation>服务活动或召回</translation>
    </message>
    <message>
        <source>Campaign vehicle</source>
        <translation>活动车辆</translation>
    </message>
    <message>
        <source>Health-check template</source>
        <translation>健康检查模板</translation>
    </message>
    <message>
        <source>Health-check template item</source>
        <translation>健康检查模板项目</translation>
    </message>
    <message>
        <source>Health check</source>
        <translation>健康检查</translation>
    </message>
    <message>
        <source>Health-check item</source>
        <translation>健康检查项目</translation>
    </message>
    <message>
        <source>Health-check photo</source>
        <translation>健康检查照片</translation>
    </message>
    <message>
        <source>Work estimate</source>
        <translation>维修报价</translation>
    </message>
    <message>
        <source>Work estimate line</source>
        <translation>维修报价明细</translation>
    </message>
    <message>
        <source>Credit note</source>
        <translation>红字发票</translation>
    </message>
    <message>
        <source>Used stock vehicle</source>
        <translation>二手库存车辆</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>销售单</translation>
    </message>
    <message>
        <source>Repair order</source>
        <translation>维修工单</translation>
    </message>
    <message>
        <source>Book appointments beyond the workshop&apos;s capacity or outside its working hours</source>
        <translation>超出车间产能或在工作时间外预约</translation>
    </message>
    <message>
        <source>Purchase order</source>
        <translation>采购订单</translation>
    </message>
    <message>
        <source>Stock count</source>
        <translation>盘点单</translation>
    </message>
</context>
<context>
    <name>Appointments</name>
    <message>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>已到店</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>未到店</translation>
    </message>
    <message>
        <source>By advisor</source>
        <translation>按服务顾问</translation>
    </message>
    <message>
        <source>By bay</source>
        <translation>按工位</translation>
    </message>
    <message>
        <source>By technician</source>
        <translation>按技师</translation>
    </message>
    <message>
        <source>Enter the hours as a number such as 1.5</source>
        <translation>请输入工时数，例如 1.5</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
</context>
<context>
    <name>AppraisalDialog</name>
    <message>
        <source>Edit trade-in appraisal</source>
        <translation>编辑二手车评估</translation>
    </message>
    <message>
        <source>New trade-in appraisal</source>
        <translation>新建二手车评估</translation>
    </message>
    <message>
        <source>C&amp;ustomer</source>
        <translation>客户(&amp;U)</translation>
    </message>
    <message>
        <source>Another car (type its VIN)</source>
        <translation>其他车辆（输入车架号）</translation>
    </message>
    <message>
        <source>Their &amp;cars</source>
        <translation>客户车辆(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;VIN</source>
        <translation>车架号(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Make</source>
        <translation>品牌(&amp;M)</translation>
    </message>
    <message>
        <source>M&amp;odel</source>
        <translation>车型(&amp;O)</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Model &amp;year</source>
        <translation>年款(&amp;Y)</translation>
    </message>
    <message>
        <source>Mi&amp;leage</source>
        <translation>里程(&amp;L)</translation>
    </message>
    <message>
        <source>Appraised o&amp;n</source>
        <translation>评估日期(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Deal</source>
        <translation>销售单(&amp;D)</translation>
    </message>
    <message>
        <source>Optional: the deal it is traded in on</source>
        <translation>可选：置换所属的销售单</translation>
    </message>
    <message>
        <source>Outstanding &amp;finance</source>
        <translation>未结清贷款(&amp;F)</translation>
    </message>
    <message>
        <source>Owed &amp;to</source>
        <translation>贷款机构(&amp;T)</translation>
    </message>
    <message>
        <source>Actual cash &amp;value</source>
        <translation>实际现金价值(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Allowance given</source>
        <translation>置换作价(&amp;A)</translation>
    </message>
    <message>
        <source>Note&amp;s</source>
        <translation>备注(&amp;S)</translation>
    </message>
    <message>
        <source>Condition by area</source>
        <translation>分部位车况</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>部位</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Reconditioning by kind</source>
        <translation>分类整备费用</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>No single deal has this number</source>
        <translation>没有唯一匹配此单号的销售单</translation>
    </message>
    <message>
        <source>Reconditioning %1 · true cost in stock %2</source>
        <translation>整备费用 %1 · 入库实际成本 %2</translation>
    </message>
    <message>
        <source>over-allowance %1</source>
        <translation>超额作价 %1</translation>
    </message>
</context>
<context>
    <name>ApprovalLevelsDialog</name>
    <message>
        <source>Approval levels</source>
        <translation>审批级别</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>审批角色</translation>
    </message>
    <message>
        <source>Highest discount</source>
        <translation>最高优惠率</translation>
    </message>
    <message>
        <source>Lowest gross margin</source>
        <translation>最低毛利率</translation>
    </message>
    <message>
        <source>A deal within the first level&apos;s limits needs no approval; beyond them it needs an approval at every level up to the first whose limits it keeps. The last level has no limits.</source>
        <translation>在第一级限额内的销售单无需审批；超出后，需逐级审批，直到第一个限额能覆盖它的级别。最后一级不设限额。</translation>
    </message>
</context>
<context>
    <name>ApprovalsScreen</name>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Quoted</source>
        <translation>报价日期</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>销售顾问</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Discount %</source>
        <translation>优惠率</translation>
    </message>
    <message>
        <source>Margin %</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>等待审批人</translation>
    </message>
    <message>
        <source>Deal %1 approved; it now waits for the approval of %2.</source>
        <translation>销售单 %1 已审批；现在等待%2审批。</translation>
    </message>
    <message>
        <source>Deal %1 approved; %2 can order it.</source>
        <translation>销售单 %1 已审批；%2 可以下订单了。</translation>
    </message>
    <message>
        <source>Deal %1 sent back to %2 with your note.</source>
        <translation>销售单 %1 已连同您的意见退回给 %2。</translation>
    </message>
    <message>
        <source>deals waiting</source>
        <translation>条待审批销售单</translation>
    </message>
    <message>
        <source>Nothing waits for your approval.</source>
        <translation>暂无待您审批的销售单。</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>销售审批</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <source>Approve the deal at your level (Ctrl+Enter)</source>
        <translation>在您的级别批准该销售单 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Send &amp;back…</source>
        <translation>退回(&amp;B)…</translation>
    </message>
    <message>
        <source>Send the deal back to its salesperson with a note (Ctrl+B)</source>
        <translation>附备注将销售单退回给销售顾问 (Ctrl+B)</translation>
    </message>
    <message>
        <source>Approval &amp;levels…</source>
        <translation>审批级别(&amp;L)…</translation>
    </message>
    <message>
        <source>Who approves which discounts and margins</source>
        <translation>谁审批哪些优惠和毛利</translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <source>Approve claim</source>
        <translation>批准理赔</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <source>A&amp;pproved amount</source>
        <translation>核定金额(&amp;P)</translation>
    </message>
    <message>
        <source>Customer&apos;s &amp;excess</source>
        <translation>客户自付额(&amp;E)</translation>
    </message>
    <message>
        <source>The insurer pays the approved amount less the customer&apos;s excess.</source>
        <translation>保险公司支付核定金额减去客户自付额。</translation>
    </message>
</context>
<context>
    <name>ArriveDialog</name>
    <message>
        <source>Move stock vehicle %1 on</source>
        <translation>库存车辆 %1 状态推进</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>推进到(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Arrived on</source>
        <translation>到店日期(&amp;A)</translation>
    </message>
    <message>
        <source>e.g. the carrier&apos;s delivery note</source>
        <translation>例如：承运商交车单</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>Now %1.</source>
        <translation>当前：%1。</translation>
    </message>
</context>
<context>
    <name>AskReasonDialog</name>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
</context>
<context>
    <name>AuditScreen</name>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Record id</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>entries</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>No changes recorded yet. Every change to the data will be listed here.</source>
        <translation>尚无变更记录。对数据的每一次变更都会列在这里。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>&amp;Verify chain</source>
        <translation>校验日志链(&amp;V)</translation>
    </message>
    <message>
        <source>Check that no entry was altered or removed since it was written</source>
        <translation>检查写入后是否有条目被篡改或删除</translation>
    </message>
    <message>
        <source>This entry is not in the trail.</source>
        <translation>审计日志中没有此条目。</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <source>No values were recorded for this entry.</source>
        <translation>此条目没有记录任何值。</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Value when deleted</source>
        <translation>删除时的值</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Changed values are shaded.</source>
        <translation>有变化的值以底色标出。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在校验…</translation>
    </message>
    <message numerus="yes">
        <source>Intact: %n entries checked</source>
        <translation>
            <numerusform>完好：已校验 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Audit trail intact</source>
        <translation>审计日志完好</translation>
    </message>
    <message numerus="yes">
        <source>All %n entries are intact: none was altered or removed.</source>
        <translation>
            <numerusform>全部 %n 条记录完好，没有条目被篡改或删除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Damaged at entry #%1</source>
        <translation>条目 #%1 已损坏</translation>
    </message>
    <message>
        <source>Audit trail damaged</source>
        <translation>审计日志已损坏</translation>
    </message>
    <message>
        <source>The audit trail was changed after it was written. The first bad entry is #%1.</source>
        <translation>审计日志在写入后被改动过。第一个异常条目是 #%1。</translation>
    </message>
</context>
<context>
    <name>AuditSummary</name>
    <message>
        <source>Demo data: %1</source>
        <translation>演示数据：%1</translation>
    </message>
    <message>
        <source>Created %1 %2</source>
        <translation>新建%1 %2</translation>
    </message>
    <message>
        <source>Deleted %1 %2</source>
        <translation>删除%1 %2</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the names of changed fields</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>Changed %1 %2: %3</source>
        <translation>修改%1 %2：%3</translation>
    </message>
</context>
<context>
    <name>BackdateReasonDialog</name>
    <message>
        <source>Back-dated posting</source>
        <translation>倒签过账</translation>
    </message>
    <message>
        <source>The last invoice of this series is dated %1. Posting on %2 numbers this invoice out of date order, which needs a reason; the audit trail keeps it.</source>
        <translation>本系列最后一张发票的日期为 %1。在 %2 过账会使发票编号与日期顺序不一致，须说明原因；原因记入审计日志。</translation>
    </message>
    <message>
        <source>e.g. paper invoice written during the power cut</source>
        <translation>例如：停电期间开具的纸质发票</translation>
    </message>
    <message>
        <source>&amp;Back-date</source>
        <translation>倒签(&amp;B)</translation>
    </message>
    <message>
        <source>Say why the invoice is back-dated</source>
        <translation>请说明倒签这张发票的原因</translation>
    </message>
</context>
<context>
    <name>BillingLabels</name>
    <message>
        <source>Vehicle sale</source>
        <translation>整车销售</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>Counter sale</source>
        <translation>配件零售</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Credit note</source>
        <translation>红字发票</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>已开具</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>UnionPay card</source>
        <translation>银联卡</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>刷卡</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <source>Finance company payout</source>
        <translation>金融公司放款</translation>
    </message>
    <message>
        <source>Insurance payout</source>
        <translation>保险赔付</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>代金券</translation>
    </message>
    <message>
        <source>Trade-in vehicle</source>
        <translation>置换车辆</translation>
    </message>
    <message>
        <source>Deposit taken earlier</source>
        <translation>已收定金</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>整车</translation>
    </message>
    <message>
        <source>Labour</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Accessory</source>
        <translation>精品附件</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <source>%1 more in the list</source>
        <translation>另有 %1 条见列表</translation>
    </message>
    <message>
        <source>Next follow-up %1</source>
        <translation>下次跟进 %1</translation>
    </message>
    <message>
        <source>Follow-up overdue since %1</source>
        <translation>跟进已逾期（应于 %1）</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <source>New booking</source>
        <translation>新建预约</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>(none chosen)</source>
        <translation>（未选择）</translation>
    </message>
    <message>
        <source>Choos&amp;e…</source>
        <translation>选择(&amp;E)…</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Choo&amp;se…</source>
        <translation>选择(&amp;S)…</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>&amp;Comes on</source>
        <translation>到店时间(&amp;C)</translation>
    </message>
    <message>
        <source>What the customer asks for, in their words</source>
        <translation>客户的原话：需要做什么</translation>
    </message>
    <message>
        <source>&amp;Requested work</source>
        <translation>委托项目(&amp;R)</translation>
    </message>
    <message>
        <source>Labour operation codes, separated by commas</source>
        <translation>工时项目代码，用逗号分隔</translation>
    </message>
    <message>
        <source>&amp;Labour operations</source>
        <translation>工时项目(&amp;L)</translation>
    </message>
    <message>
        <source>The operations&apos; standard hours when they are given</source>
        <translation>填写工时项目时按其标准工时</translation>
    </message>
    <message>
        <source>Booked &amp;hours</source>
        <translation>预约工时(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Advisor</source>
        <translation>服务顾问(&amp;A)</translation>
    </message>
    <message>
        <source>(anyone)</source>
        <translation>（不指定）</translation>
    </message>
    <message>
        <source>&amp;Technician</source>
        <translation>技师(&amp;T)</translation>
    </message>
    <message>
        <source>(no bay)</source>
        <translation>（不指定工位）</translation>
    </message>
    <message>
        <source>Ba&amp;y</source>
        <translation>工位(&amp;Y)</translation>
    </message>
    <message>
        <source>Promise a time</source>
        <translation>承诺交车时间</translation>
    </message>
    <message>
        <source>on the day the car comes</source>
        <translation>（到店当天）</translation>
    </message>
    <message>
        <source>Pro&amp;mised by</source>
        <translation>承诺交车(&amp;M)</translation>
    </message>
    <message>
        <source>Parts the parts counter should have ready</source>
        <translation>配件部需提前备好的配件</translation>
    </message>
    <message>
        <source>&amp;Parts to prepare</source>
        <translation>待备配件(&amp;P)</translation>
    </message>
    <message>
        <source>Only to book beyond the day&apos;s capacity or working hours: why</source>
        <translation>仅在超出当天产能或工作时间时填写：原因</translation>
    </message>
    <message>
        <source>&amp;Overbook</source>
        <translation>超额预约(&amp;O)</translation>
    </message>
    <message>
        <source>This booking is %1 and can no longer change.</source>
        <translation>此预约%1，不能再修改。</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>预约(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Choose the vehicle</source>
        <translation>选择车辆</translation>
    </message>
</context>
<context>
    <name>CalendarScreen</name>
    <message>
        <source>Workshop calendar</source>
        <translation>车间预约日历</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>◀ Earlier</source>
        <translation>◀ 向前</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>今天(&amp;T)</translation>
    </message>
    <message>
        <source>Later ▶</source>
        <translation>向后 ▶</translation>
    </message>
    <message>
        <source>&amp;New booking</source>
        <translation>新建预约(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Working hours…</source>
        <translation>工作时间(&amp;W)…</translation>
    </message>
    <message>
        <source>Technicians, advisors and bays with their working hours</source>
        <translation>技师、服务顾问和工位及其工作时间</translation>
    </message>
    <message>
        <source>&amp;Parts to prepare…</source>
        <translation>备件清单(&amp;P)…</translation>
    </message>
    <message>
        <source>The parts the chosen day&apos;s bookings need, against what is available</source>
        <translation>所选日期预约所需的配件及可用库存</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>Requested work</source>
        <translation>委托项目</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>服务顾问</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <source>Bay</source>
        <translation>工位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Parts to prepare</source>
        <translation>待备配件</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Move a day earlier</source>
        <translation>提前一天</translation>
    </message>
    <message>
        <source>Move a day later</source>
        <translation>推后一天</translation>
    </message>
    <message>
        <source>&amp;Arrived…</source>
        <translation>已到店(&amp;A)…</translation>
    </message>
    <message>
        <source>No-&amp;show</source>
        <translation>未到店(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Cancel booking…</source>
        <translation>取消预约(&amp;C)…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Del</translation>
    </message>
    <message>
        <source>←/→ day · ↑/↓ advisor, bay or technician · N new booking · Enter open · Delete cancel · Ctrl+←/→ move a day · Ctrl+↑/↓ move half an hour</source>
        <translation>←/→ 换日期 · ↑/↓ 选服务顾问、工位或技师 · N 新建预约 · Enter 打开 · Del 取消 · Ctrl+←/→ 改约一天 · Ctrl+↑/↓ 改约半小时</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>全车间</translation>
    </message>
    <message>
        <source>%1 of %2 h</source>
        <translation>%1 / %2 小时</translation>
    </message>
    <message>
        <source>%1 booked</source>
        <translation>%1 个预约</translation>
    </message>
    <message>
        <source>Booked beyond capacity</source>
        <translation>预约已超出产能</translation>
    </message>
    <message>
        <source>The booking cannot start before %1 on its day: Ctrl+← moves it a day earlier</source>
        <translation>预约当天不能早于 %1 开始：按 Ctrl+← 可提前一天</translation>
    </message>
    <message>
        <source>The booking must end by %1 on its day: Ctrl+→ moves it a day later</source>
        <translation>预约当天须在 %1 前结束：按 Ctrl+→ 可推后一天</translation>
    </message>
    <message>
        <source>Car arrived</source>
        <translation>车辆到店</translation>
    </message>
    <message>
        <source>Mileage of %1 on arrival (km):</source>
        <translation>%1 到店里程（公里）：</translation>
    </message>
</context>
<context>
    <name>CancelDealDialog</name>
    <message>
        <source>Cancel deal %1</source>
        <translation>取消销售单 %1</translation>
    </message>
    <message>
        <source>e.g. the customer bought elsewhere</source>
        <translation>例如：客户已在别处购车</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>Pay the deposit back (otherwise it stays as the customer&apos;s credit)</source>
        <translation>退还定金（否则保留为客户余额）</translation>
    </message>
    <message>
        <source>Deposit %1</source>
        <translation>定金 %1</translation>
    </message>
    <message>
        <source>Paid back &amp;by</source>
        <translation>退款方式(&amp;B)</translation>
    </message>
    <message>
        <source>Paying a deposit back needs the right to refund payments; without it the deposit stays as the customer&apos;s credit, which the cashier can pay back.</source>
        <translation>退还定金需要退款权限；没有该权限时，定金留作客户的余额，由收银员退还。</translation>
    </message>
    <message>
        <source>Cancel &amp;deal</source>
        <translation>取消销售单(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keep deal</source>
        <translation>保留销售单(&amp;K)</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel the booking</source>
        <translation>取消预约</translation>
    </message>
    <message>
        <source>Cancel the booking of %1 (%2) on %3 at %4?</source>
        <translation>取消%1（%2）%3 %4 的预约吗？</translation>
    </message>
    <message>
        <source>e.g. the customer rebooked for next week</source>
        <translation>例如：客户改约到下周</translation>
    </message>
    <message>
        <source>Cancel the &amp;booking</source>
        <translation>取消预约(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>保留(&amp;K)</translation>
    </message>
    <message>
        <source>Say why the booking is cancelled</source>
        <translation>请说明取消预约的原因</translation>
    </message>
</context>
<context>
    <name>CashDeskScreen</name>
    <message>
        <source>Cash desk</source>
        <translation>收银日结</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>今天(&amp;T)</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <source>No payments were taken on this day at this terminal.</source>
        <translation>本终端当日没有收款。</translation>
    </message>
    <message>
        <source>Receipts by method</source>
        <translation>按付款方式汇总</translation>
    </message>
    <message>
        <source>Set &amp;float</source>
        <translation>设置备用金(&amp;F)</translation>
    </message>
    <message>
        <source>Record the cash in the drawer when the day started</source>
        <translation>记录当日开始时钱箱中的现金</translation>
    </message>
    <message>
        <source>Explain a difference, if there is one</source>
        <translation>如有差额，请说明原因</translation>
    </message>
    <message>
        <source>Opening &amp;float</source>
        <translation>期初备用金(&amp;F)</translation>
    </message>
    <message>
        <source>Cash received</source>
        <translation>现金收款</translation>
    </message>
    <message>
        <source>Cash refunded</source>
        <translation>现金退款</translation>
    </message>
    <message>
        <source>Expected in the drawer</source>
        <translation>钱箱应有现金</translation>
    </message>
    <message>
        <source>&amp;Counted cash</source>
        <translation>实点现金(&amp;C)</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>C&amp;lose day…</source>
        <translation>日结(&amp;L)…</translation>
    </message>
    <message>
        <source>Close the day with the counted cash; its payments can no longer change (Ctrl+Shift+D)</source>
        <translation>按实点现金完成日结；当日收款此后不能再更改（Ctrl+Shift+D）</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>钱箱</translation>
    </message>
    <message>
        <source>Day &amp;report…</source>
        <translation>日结报表(&amp;R)…</translation>
    </message>
    <message>
        <source>Print the day-end report: receipts by method, the count, the difference and its reason</source>
        <translation>打印日结报表：按方式汇总的收款、点钞金额、差额及原因</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考号</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>已核销</translation>
    </message>
    <message>
        <source>Deposit for</source>
        <translation>定金对应订单</translation>
    </message>
    <message>
        <source>payments</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>No payments on this day.</source>
        <translation>当日没有收款。</translation>
    </message>
    <message>
        <source>&amp;Refund…</source>
        <translation>退款(&amp;R)…</translation>
    </message>
    <message>
        <source>Pay back what is left of the selected payment</source>
        <translation>退还所选收款中尚未冲抵的部分</translation>
    </message>
    <message>
        <source>Payments of the day</source>
        <translation>当日收款</translation>
    </message>
    <message>
        <source>Print r&amp;eceipt…</source>
        <translation>打印收据(&amp;E)…</translation>
    </message>
    <message>
        <source>Print the receipt of the selected payment or refund</source>
        <translation>打印所选收款或退款的收据</translation>
    </message>
    <message>
        <source>Terminal %1</source>
        <translation>终端 %1</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已日结</translation>
    </message>
    <message>
        <source>Closed by %1 at %2. A closed day cannot be changed.</source>
        <translation>已由 %1 于 %2 日结。已日结的日期不能再更改。</translation>
    </message>
    <message>
        <source>Payments taken from now on are still dated today, but their money counts in tomorrow&apos;s cash, which opens by itself with the cash counted now as its float.</source>
        <translation>此后收取的款项日期仍为今天，但计入明天的现金；明天会自动开账，并以本次点钞金额作为备用金。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未日结</translation>
    </message>
    <message numerus="yes">
        <source>%n payment(s) taken after the day before was closed count in this day&apos;s cash.</source>
        <translation>
            <numerusform>前一日结账后收取的 %n 笔款项计入本日现金。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cash desk day %1</source>
        <translation>收银日结 %1</translation>
    </message>
    <message>
        <source>Count the cash in the drawer and enter it</source>
        <translation>请清点钱箱中的现金并输入</translation>
    </message>
    <message>
        <source>The count differs from the expected cash: give the reason</source>
        <translation>点钞金额与应有现金不符：请说明原因</translation>
    </message>
    <message>
        <source>Close day</source>
        <translation>日结</translation>
    </message>
    <message>
        <source>Close %1 with %2 counted (expected %3)? The day&apos;s payments can no longer change.</source>
        <translation>以实点现金 %2（应有 %3）完成 %1 的日结？当日收款此后不能再更改。</translation>
    </message>
</context>
<context>
    <name>CatalogueScreen</name>
    <message>
        <source>Make</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>车系</translation>
    </message>
    <message>
        <source>Trims</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选装</translation>
    </message>
    <message>
        <source>List price from</source>
        <translation>最低指导价</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可售</translation>
    </message>
    <message>
        <source>Low-stock threshold</source>
        <translation>低库存预警线</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>models</source>
        <translation>个车系</translation>
    </message>
    <message>
        <source>No models in the catalogue yet. Press Ctrl+N to add the first one.</source>
        <translation>车型目录中还没有车系。按 Ctrl+N 添加第一个。</translation>
    </message>
    <message>
        <source>Vehicle catalogue</source>
        <translation>车型目录</translation>
    </message>
    <message>
        <source>&amp;New model</source>
        <translation>新建车系(&amp;N)</translation>
    </message>
    <message>
        <source>Add a model with its trims and options (Ctrl+N)</source>
        <translation>添加车系及其配置和选装 (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Edit model</source>
        <translation>编辑车系(&amp;E)</translation>
    </message>
    <message>
        <source>Change the selected model, its trims, options and threshold (F2)</source>
        <translation>修改所选车系及其配置、选装和预警线 (F2)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Remove a model no stock vehicle was ordered as (Delete)</source>
        <translation>删除没有库存车辆使用的车系 (Delete)</translation>
    </message>
    <message>
        <source>No alert</source>
        <translation>不预警</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年款</translation>
    </message>
    <message>
        <source>Trim</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Fuel</source>
        <translation>燃料</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>指导价</translation>
    </message>
    <message>
        <source>(inactive)</source>
        <translation>（停用）</translation>
    </message>
    <message>
        <source>No trims: a car of this model cannot be ordered from the catalogue.</source>
        <translation>没有配置：无法按目录订购此车系的车辆。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>选装</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>No options.</source>
        <translation>无选装。</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>在库</translation>
    </message>
    <message>
        <source>No car of this model in stock.</source>
        <translation>此车系没有库存车辆。</translation>
    </message>
    <message>
        <source>Delete %1 with its trims and options from the catalogue?</source>
        <translation>从车型目录中删除 %1 及其配置和选装？</translation>
    </message>
    <message>
        <source>Delete model</source>
        <translation>删除车系</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>&amp;Current password</source>
        <translation>当前密码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>新密码(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Repeat new password</source>
        <translation>确认新密码(&amp;R)</translation>
    </message>
    <message>
        <source>The two new passwords differ</source>
        <translation>两次输入的新密码不一致</translation>
    </message>
</context>
<context>
    <name>CheckTemplatesDialog</name>
    <message>
        <source>Health-check templates</source>
        <translation>健康检查模板</translation>
    </message>
    <message>
        <source>&amp;New template</source>
        <translation>新建模板(&amp;N)</translation>
    </message>
    <message>
        <source>Start a new template (Ctrl+N)</source>
        <translation>新建一个模板（Ctrl+N）</translation>
    </message>
    <message>
        <source>&amp;Offered when a health check starts</source>
        <translation>开始健康检查时可选用(&amp;O)</translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation>名称(&amp;M)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Point</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <source>Points, in the order they are inspected</source>
        <translation>检查项目（按检查顺序排列）</translation>
    </message>
    <message>
        <source>Ctrl+Insert adds a point, Delete removes the selected one, Ctrl+Up and Ctrl+Down move it. Checks already made keep the points they were made with.</source>
        <translation>&lt;code&gt;Ctrl+Insert&lt;/code&gt; 添加检查项目，&lt;code&gt;Delete&lt;/code&gt; 删除所选项目，Ctrl+↑ 和 Ctrl+↓ 调整顺序。已做过的检查保留当时的检查项目，不受影响。</translation>
    </message>
    <message>
        <source>%1 · %2 points</source>
        <translation>%1 · %2 项</translation>
    </message>
    <message>
        <source>not offered</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>The template &apos;%1&apos; has changes that are not saved. Drop them?</source>
        <translation>模板“%1”有未保存的修改。要放弃这些修改吗？</translation>
    </message>
    <message>
        <source>new template</source>
        <translation>新模板</translation>
    </message>
    <message>
        <source>Template &apos;%1&apos; saved.</source>
        <translation>模板“%1”已保存。</translation>
    </message>
    <message>
        <source>Point %1: %2</source>
        <translation>第 %1 项：%2</translation>
    </message>
</context>
<context>
    <name>ClaimDialog</name>
    <message>
        <source>New insurance claim</source>
        <translation>新建保险理赔</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Insurer</source>
        <translation>保险公司(&amp;I)</translation>
    </message>
    <message>
        <source>Claim &amp;number</source>
        <translation>理赔编号(&amp;N)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
</context>
<context>
    <name>ClaimForm</name>
    <message>
        <source>Claim</source>
        <translation>理赔</translation>
    </message>
</context>
<context>
    <name>CommissionDialog</name>
    <message>
        <source>Commission</source>
        <translation>佣金</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>% of gross profit</source>
        <translation>毛利百分比</translation>
    </message>
    <message>
        <source>Amount a car</source>
        <translation>每台金额</translation>
    </message>
    <message>
        <source>The dealership (everyone else)</source>
        <translation>经销店（其他所有人）</translation>
    </message>
    <message>
        <source>as the dealership</source>
        <translation>同经销店规则</translation>
    </message>
    <message>
        <source>Commission on each delivered deal: the share of its gross profit (none on a loss) plus the amount a car. Leave a salesperson&apos;s figures empty for the dealership&apos;s rule.</source>
        <translation>每笔已交车销售单的提成：毛利的比例（亏损不计）加每台金额。销售顾问的数值留空则按经销店规则。</translation>
    </message>
</context>
<context>
    <name>CorrectTimesDialog</name>
    <message>
        <source>Correct times</source>
        <translation>更正时间</translation>
    </message>
    <message>
        <source>Why, e.g. forgot to clock off after the road test</source>
        <translation>原因，例如路试后忘记停止作业</translation>
    </message>
    <message>
        <source>&amp;Started</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Ended</source>
        <translation>结束(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>Your own times are corrected by another foreman.</source>
        <translation>你自己的时间须由另一位主管更正。</translation>
    </message>
</context>
<context>
    <name>CostDialog</name>
    <message>
        <source>Add a cost</source>
        <translation>添加费用</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类别(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
</context>
<context>
    <name>CountEntryDialog</name>
    <message>
        <source>Enter counts · %1</source>
        <translation>录入盘点数 · %1</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>已盘点</translation>
    </message>
    <message>
        <source>Type the quantity found of each part; a part not found is 0. Each figure is saved as you enter it.</source>
        <translation>输入每个配件的实盘数量；未找到的配件填 0。每个数字输入后即保存。</translation>
    </message>
    <message>
        <source>%1 of %2 parts counted.</source>
        <translation>已盘点 %1 / %2 个配件。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>Countries</name>
    <message>
        <source>China</source>
        <translation>中国</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>德国</translation>
    </message>
    <message>
        <source>Japan</source>
        <translation>日本</translation>
    </message>
    <message>
        <source>South Korea</source>
        <translation>韩国</translation>
    </message>
    <message>
        <source>Korea</source>
        <translation>韩国</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>美国</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>英国</translation>
    </message>
    <message>
        <source>France</source>
        <translation>法国</translation>
    </message>
    <message>
        <source>Italy</source>
        <translation>意大利</translation>
    </message>
    <message>
        <source>Sweden</source>
        <translation>瑞典</translation>
    </message>
    <message>
        <source>Spain</source>
        <translation>西班牙</translation>
    </message>
    <message>
        <source>Czech Republic</source>
        <translation>捷克</translation>
    </message>
    <message>
        <source>Mexico</source>
        <translation>墨西哥</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation>加拿大</translation>
    </message>
    <message>
        <source>Brazil</source>
        <translation>巴西</translation>
    </message>
    <message>
        <source>India</source>
        <translation>印度</translation>
    </message>
    <message>
        <source>Thailand</source>
        <translation>泰国</translation>
    </message>
    <message>
        <source>Hungary</source>
        <translation>匈牙利</translation>
    </message>
    <message>
        <source>Austria</source>
        <translation>奥地利</translation>
    </message>
    <message>
        <source>Belgium</source>
        <translation>比利时</translation>
    </message>
    <message>
        <source>Netherlands</source>
        <translation>荷兰</translation>
    </message>
    <message>
        <source>Slovakia</source>
        <translation>斯洛伐克</translation>
    </message>
    <message>
        <source>Poland</source>
        <translation>波兰</translation>
    </message>
    <message>
        <source>Turkey</source>
        <translation>土耳其</translation>
    </message>
    <message>
        <source>Russia</source>
        <translation>俄罗斯</translation>
    </message>
    <message>
        <source>Australia</source>
        <translation>澳大利亚</translation>
    </message>
</context>
<context>
    <name>CreditNoteDialog</name>
    <message>
        <source>Credit note for %1</source>
        <translation>为 %1 开具红字发票</translation>
    </message>
    <message>
        <source>%1 · issued %2 · total %3 · open balance %4</source>
        <translation>%1 · 开具日期 %2 · 合计 %3 · 未收余额 %4</translation>
    </message>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Invoiced</source>
        <translation>开票数量</translation>
    </message>
    <message>
        <source>Credited</source>
        <translation>已冲红</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>可冲红</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Credit qty</source>
        <translation>冲红数量</translation>
    </message>
    <message>
        <source>Amount left</source>
        <translation>可冲金额</translation>
    </message>
    <message>
        <source>Price credit</source>
        <translation>价格冲减</translation>
    </message>
    <message>
        <source>&amp;Full credit</source>
        <translation>全额冲红(&amp;F)</translation>
    </message>
    <message>
        <source>Credit everything that is left on every line</source>
        <translation>将每行剩余数量全部冲红</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>清空(&amp;L)</translation>
    </message>
    <message>
        <source>What to credit</source>
        <translation>冲红内容</translation>
    </message>
    <message>
        <source>A quantity takes goods back (they return to stock) with its share of the line&apos;s discount. A price credit, tax included, takes no goods back.</source>
        <translation>按数量冲红即退回货物（回到库存），并按比例分摊该行折扣。价格冲减（含税）不退回货物。</translation>
    </message>
    <message>
        <source>A price credit cannot be negative</source>
        <translation>价格冲减不能为负数</translation>
    </message>
    <message>
        <source>At most %1 of this line is left to credit</source>
        <translation>该行最多还可冲红 %1</translation>
    </message>
    <message>
        <source>Enter a quantity or a price credit on at least one line</source>
        <translation>请至少在一行填写冲红数量或价格冲减</translation>
    </message>
    <message>
        <source>Why the invoice is credited (printed on the credit note)</source>
        <translation>冲红原因（打印在红字发票上）</translation>
    </message>
    <message>
        <source>Only a posted invoice can be credited</source>
        <translation>只有已过账的发票才能开红字发票</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Issue credit note</source>
        <translation>开具红字发票(&amp;I)</translation>
    </message>
    <message>
        <source>Issue and post the credit note (Enter)</source>
        <translation>开具红字发票（Enter）</translation>
    </message>
    <message>
        <source>Everything on this invoice has been credited already.</source>
        <translation>此发票已全部冲红。</translation>
    </message>
    <message>
        <source>Issue credit note</source>
        <translation>开具红字发票</translation>
    </message>
    <message>
        <source>Issue a credit note for invoice %1? It is posted at once and cannot be changed.</source>
        <translation>为发票 %1 开具红字发票？红字发票立即生效，此后不能更改。</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>Edit customer</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Pinyin or English name</source>
        <translation>拼音或英文名</translation>
    </message>
    <message>
        <source>Agrees to marketing messages</source>
        <translation>同意接收营销信息</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>标签，用逗号分隔</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>类型(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>Other &amp;spelling</source>
        <translation>其他写法(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>E-&amp;mail</source>
        <translation>邮箱(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>身份证号(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Credit code</source>
        <translation>统一社会信用代码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <source>Ci&amp;ty</source>
        <translation>城市(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Birth date</source>
        <translation>出生日期(&amp;B)</translation>
    </message>
    <message>
        <source>Ta&amp;gs</source>
        <translation>标签(&amp;G)</translation>
    </message>
    <message>
        <source>G&amp;rade</source>
        <translation>客户等级(&amp;R)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主联系人</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>移除联系人</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>自 %1 起</translation>
    </message>
    <message>
        <source>withdrawn on %1</source>
        <translation>已于 %1 撤回</translation>
    </message>
    <message>
        <source>Possible duplicates:</source>
        <translation>疑似重复：</translation>
    </message>
    <message>
        <source>Click a name to open that customer instead.</source>
        <translation>点击姓名可改为打开该客户。</translation>
    </message>
    <message>
        <source>Save &amp;anyway</source>
        <translation>仍然保存(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>No customer chosen — press F4 to find one</source>
        <translation>未选择客户 — 按 F4 查找</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>Find the customer by name, phone or ID (F4)</source>
        <translation>按姓名、电话或证件号查找客户（F4）</translation>
    </message>
    <message>
        <source>Choose the customer</source>
        <translation>选择客户</translation>
    </message>
</context>
<context>
    <name>Customers</name>
    <message>
        <source>Not graded</source>
        <translation>未分级</translation>
    </message>
    <message>
        <source>A – key customer</source>
        <translation>A – 重点客户</translation>
    </message>
    <message>
        <source>B – regular</source>
        <translation>B – 常规客户</translation>
    </message>
    <message>
        <source>C – occasional</source>
        <translation>C – 偶尔来往</translation>
    </message>
    <message>
        <source>D – dormant</source>
        <translation>D – 休眠客户</translation>
    </message>
    <message>
        <source>same ID number</source>
        <translation>证件号码相同</translation>
    </message>
    <message>
        <source>same credit code</source>
        <translation>信用代码相同</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>电话相同</translation>
    </message>
    <message>
        <source>same e-mail</source>
        <translation>邮箱相同</translation>
    </message>
    <message>
        <source>same name and birth date</source>
        <translation>姓名和出生日期相同</translation>
    </message>
    <message>
        <source>same name and city</source>
        <translation>姓名和城市相同</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>姓名相同</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>销售线索</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>销售单</translation>
    </message>
    <message>
        <source>Trade-in</source>
        <translation>置换</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Repair order</source>
        <translation>维修工单</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>满意度回访</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Test drive</source>
        <translation>试驾</translation>
    </message>
    <message>
        <source>Follow-up task</source>
        <translation>跟进任务</translation>
    </message>
    <message>
        <source>Insurance policy</source>
        <translation>保险保单</translation>
    </message>
</context>
<context>
    <name>CustomersScreen</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>No customers yet. Press Ctrl+N to add the first one.</source>
        <translation>还没有客户。按 Ctrl+N 添加第一位客户。</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>营销许可</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Add &amp;note…</source>
        <translation>添加备注(&amp;N)…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>客户时间线(&amp;T)</translation>
    </message>
    <message>
        <source>Yes, since %1</source>
        <translation>是，自 %1 起</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Withdrawn on %1</source>
        <translation>已于 %1 撤回</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>客户说明</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>No vehicles.</source>
        <translation>暂无车辆。</translation>
    </message>
    <message>
        <source>No notes.</source>
        <translation>暂无备注。</translation>
    </message>
    <message>
        <source>Delete customer</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <source>Delete this customer and their contacts?</source>
        <translation>删除该客户及其联系人？</translation>
    </message>
</context>
<context>
    <name>DealDialog</name>
    <message>
        <source>Edit deal</source>
        <translation>编辑销售单</translation>
    </message>
    <message>
        <source>New quotation</source>
        <translation>新建报价单</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>Stock number, VIN (or its last digits) or model, then Enter</source>
        <translation>库存编号、车架号（或末几位）或车型，按回车</translation>
    </message>
    <message>
        <source>&amp;Find vehicle</source>
        <translation>查找车辆(&amp;F)</translation>
    </message>
    <message>
        <source>Find the stock vehicle typed (F6)</source>
        <translation>查找所输入的库存车辆 (F6)</translation>
    </message>
    <message>
        <source>&amp;Vehicle</source>
        <translation>车辆(&amp;V)</translation>
    </message>
    <message>
        <source>e.g. 2000 or 3%</source>
        <translation>例如 2000 或 3%</translation>
    </message>
    <message>
        <source>A discount on the whole deal, as an amount or a percentage; it is shared over the lines in proportion to their amounts</source>
        <translation>整单优惠，金额或百分比；按各行金额比例分摊</translation>
    </message>
    <message>
        <source>Deal &amp;discount</source>
        <translation>整单优惠(&amp;D)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>税率</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>行合计</translation>
    </message>
    <message>
        <source>Vehicle, options, accessories, fees and insurance</source>
        <translation>车辆、选装、精品附件、费用和保险</translation>
    </message>
    <message>
        <source>Prices include tax.</source>
        <translation>价格含税。</translation>
    </message>
    <message>
        <source>Prices exclude tax; tax is added.</source>
        <translation>价格不含税，另加税额。</translation>
    </message>
    <message>
        <source>The trade-in&apos;s negative equity (its finance beyond its allowance) is charged on a line of its own, which follows the trade-in and cannot be changed here.</source>
        <translation>置换车负资产（未还贷款超出置换作价的部分）单列一行向客户收取，随置换车自动更新，此处不能修改。</translation>
    </message>
    <message>
        <source>Save the quotation (Enter)</source>
        <translation>保存报价单 (Enter)</translation>
    </message>
    <message>
        <source>a discount above %1</source>
        <translation>优惠超过 %1</translation>
    </message>
    <message>
        <source>a margin below %1</source>
        <translation>毛利率低于 %1</translation>
    </message>
    <message>
        <source>A deal beyond your limits goes to approval before it can be ordered; any later change of price asks again.</source>
        <translation>超出您权限的销售单须经审批后才能下订单；之后价格的任何改动都须重新审批。</translation>
    </message>
    <message>
        <source>A deal with %1 is beyond your limits: it goes to approval before it can be ordered; any later change of price asks again.</source>
        <translation>%1的销售单超出您的权限：须经审批后才能下订单；之后价格的任何改动都须重新审批。</translation>
    </message>
    <message>
        <source> or </source>
        <translation>或</translation>
    </message>
    <message>
        <source>No stock vehicle for sale matches this</source>
        <translation>没有符合条件的在售库存车辆</translation>
    </message>
    <message>
        <source>Choose the vehicle</source>
        <translation>选择车辆</translation>
    </message>
    <message>
        <source>Stock vehicles</source>
        <translation>库存车辆</translation>
    </message>
    <message>
        <source>Price %1</source>
        <translation>车价 %1</translation>
    </message>
    <message>
        <source>Discount %1</source>
        <translation>优惠 %1</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>合计 %1</translation>
    </message>
    <message>
        <source>(a line is incomplete)</source>
        <translation>（有一行未填完整）</translation>
    </message>
    <message>
        <source>A deal that is invoiced, delivered or cancelled cannot be changed</source>
        <translation>已开票、已交车或已取消的销售单不能再修改</translation>
    </message>
    <message>
        <source>Deal %1 is beyond your limits: it waits for the approval of %2 before it can be ordered.</source>
        <translation>销售单 %1 超出您的权限：须经%2审批后才能下订单。</translation>
    </message>
    <message>
        <source>Deal %1 is beyond your limits (%3): it waits for the approval of %2 before it can be ordered.</source>
        <translation>销售单 %1 超出您的权限（%3）：须经%2审批后才能下订单。</translation>
    </message>
    <message>
        <source>Approval needed</source>
        <translation>需要审批</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
</context>
<context>
    <name>DealPane</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Sent back: %1</source>
        <translation>已退回：%1</translation>
    </message>
    <message>
        <source>Sent back by %1: %2</source>
        <translation>%1 退回：%2</translation>
    </message>
    <message>
        <source>waiting for the approval of %1</source>
        <translation>等待%1审批</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>VIN</source>
        <translation>车架号</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>销售顾问</translation>
    </message>
    <message>
        <source>Quoted</source>
        <translation>报价日期</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>下单日期</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>交车日期</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Cancelled because</source>
        <translation>取消原因</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>车价及附加</translation>
    </message>
    <message>
        <source>Trade-in allowance</source>
        <translation>置换作价</translation>
    </message>
    <message>
        <source>finance to settle %1</source>
        <translation>须结清贷款 %1</translation>
    </message>
    <message>
        <source>negative equity %1 (on the deal)</source>
        <translation>负资产 %1（计入销售单）</translation>
    </message>
    <message>
        <source>Trade-in equity</source>
        <translation>置换净值</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>定金</translation>
    </message>
    <message>
        <source>To pay</source>
        <translation>应付</translation>
    </message>
    <message>
        <source>Gross profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>审批记录</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>sent back</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>(before a change)</source>
        <translation>（改动前）</translation>
    </message>
    <message>
        <source>Approving role</source>
        <translation>审批角色</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>DealsScreen</name>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Quoted</source>
        <translation>报价日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Stock no.</source>
        <translation>库存编号</translation>
    </message>
    <message>
        <source>VIN</source>
        <translation>车架号</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>销售顾问</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>车价</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>交车日期</translation>
    </message>
    <message>
        <source>deals</source>
        <translation>条销售单</translation>
    </message>
    <message>
        <source>No deals yet. Press Ctrl+N to quote a vehicle to a customer.</source>
        <translation>暂无销售单。按 Ctrl+N 为客户报价。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>销售单</translation>
    </message>
    <message>
        <source>&amp;New quotation</source>
        <translation>新建报价单(&amp;N)</translation>
    </message>
    <message>
        <source>Quote a vehicle to a customer (Ctrl+N)</source>
        <translation>为客户报价一辆车 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Change the selected deal (F2)</source>
        <translation>修改所选销售单 (F2)</translation>
    </message>
    <message>
        <source>&amp;Order…</source>
        <translation>下单(&amp;O)…</translation>
    </message>
    <message>
        <source>Order: reserve the vehicle and take the deposit (Ctrl+O)</source>
        <translation>下单：预留车辆并收取定金 (Ctrl+O)</translation>
    </message>
    <message>
        <source>&amp;Invoice</source>
        <translation>开票(&amp;I)</translation>
    </message>
    <message>
        <source>Post the vehicle-sale invoice (Ctrl+I)</source>
        <translation>开具整车销售发票 (Ctrl+I)</translation>
    </message>
    <message>
        <source>De&amp;livery…</source>
        <translation>交车(&amp;L)…</translation>
    </message>
    <message>
        <source>The delivery checklist, and delivering the car (Ctrl+D)</source>
        <translation>交车检查与交车 (Ctrl+D)</translation>
    </message>
    <message>
        <source>Cance&amp;l deal…</source>
        <translation>取消销售单(&amp;L)…</translation>
    </message>
    <message>
        <source>Cancel the deal, saying why</source>
        <translation>取消销售单并说明原因</translation>
    </message>
    <message>
        <source>&amp;Quotation PDF</source>
        <translation>报价单 PDF(&amp;Q)</translation>
    </message>
    <message>
        <source>Print or save the quotation (Ctrl+P)</source>
        <translation>打印或保存报价单 (Ctrl+P)</translation>
    </message>
    <message>
        <source>Deal %1 is %2: it can no longer be changed.</source>
        <translation>销售单 %1 %2，不能再修改。</translation>
    </message>
    <message>
        <source>Post invoice</source>
        <translation>开具发票</translation>
    </message>
    <message>
        <source>Post the vehicle-sale invoice of deal %1 for %2 now? A posted invoice cannot be changed; only a credit note corrects it.</source>
        <translation>现在为销售单 %1 开具整车销售发票，金额 %2？发票过账后不能修改，只能开红字发票更正。</translation>
    </message>
    <message>
        <source>Invoice %1 is posted for %2; %3 is left to pay.</source>
        <translation>发票 %1 已开具，金额 %2；尚余 %3 待付。</translation>
    </message>
    <message>
        <source>Deal %1 is delivered: %2 now owns the car.</source>
        <translation>销售单 %1 已交车：车辆现归 %2 所有。</translation>
    </message>
    <message>
        <source>Quotation %1</source>
        <translation>报价单 %1</translation>
    </message>
</context>
<context>
    <name>DeliveryDialog</name>
    <message>
        <source>Delivery checklist</source>
        <translation>交车检查</translation>
    </message>
    <message>
        <source>&amp;Registration done</source>
        <translation>已上牌(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Keys handed over</source>
        <translation>钥匙已交付(&amp;K)</translation>
    </message>
    <message>
        <source>Open &amp;PDI job</source>
        <translation>开 PDI 检查工单(&amp;P)</translation>
    </message>
    <message>
        <source>Open a repair order of internal work for the pre-delivery inspection (Ctrl+J)</source>
        <translation>为交车前检查开一张内部维修工单 (Ctrl+J)</translation>
    </message>
    <message>
        <source>The workshop opens the PDI job: ask a service advisor or the foreman to open it for this car.</source>
        <translation>PDI 检查工单由车间开立：请服务顾问或车间主管为这辆车开单。</translation>
    </message>
    <message>
        <source>&amp;Deliver</source>
        <translation>交车(&amp;D)</translation>
    </message>
    <message>
        <source>Hand the car over (Ctrl+Enter)</source>
        <translation>把车交给客户 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Delivery is refused while anything below is open.</source>
        <translation>下列任何一项未完成都不能交车。</translation>
    </message>
    <message>
        <source>Undo &amp;registration</source>
        <translation>撤销上牌(&amp;R)</translation>
    </message>
    <message>
        <source>Undo &amp;keys</source>
        <translation>撤销交钥匙(&amp;K)</translation>
    </message>
</context>
<context>
    <name>DocumentsDialog</name>
    <message>
        <source>Documents of %1</source>
        <translation>%1 的单证</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>单证</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Kept at</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <source>Handed over on</source>
        <translation>移交日期</translation>
    </message>
    <message>
        <source>Handed to</source>
        <translation>移交给</translation>
    </message>
    <message>
        <source>e.g. safe</source>
        <translation>例如：保险柜</translation>
    </message>
    <message>
        <source>A date left &quot;not known&quot; is not recorded. The certificate of conformity must be received before the car is delivered.</source>
        <translation>日期为“不详”的不予记录。交车前必须已收到合格证。</translation>
    </message>
</context>
<context>
    <name>DuplicatesScreen</name>
    <message>
        <source>Duplicate customers</source>
        <translation>疑似重复客户</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>合并(&amp;M)…</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Linked records</source>
        <translation>关联记录</translation>
    </message>
    <message>
        <source>Looking for possible duplicates…</source>
        <translation>正在查找疑似重复客户…</translation>
    </message>
    <message>
        <source>The possible duplicates could not be looked for. Press F5 to try again.</source>
        <translation>无法查找疑似重复客户。请按 F5 重试。</translation>
    </message>
    <message>
        <source>No possible duplicates found.</source>
        <translation>未发现疑似重复客户。</translation>
    </message>
    <message>
        <source>%1 customers: %2</source>
        <translation>%1 位客户：%2</translation>
    </message>
    <message>
        <source>Not &amp;duplicates…</source>
        <translation>非重复(&amp;D)…</translation>
    </message>
    <message>
        <source>The records of the group are different customers: no longer group them (Ctrl+D)</source>
        <translation>这一组记录是不同的客户：不再将它们归为一组（Ctrl+D）</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <source>Marked as different customers</source>
        <translation>已标记为不同客户</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>Customers with the same ID number, credit code, phone or e-mail, or the same name and birth date. Merge a group to keep one record with everything linked to any of them, or mark it as not duplicates when they are different customers.</source>
        <translation>证件号码、信用代码、电话或邮箱相同，或姓名和出生日期相同的客户。合并一组后只保留一条记录，其他记录关联的所有数据都归到这条记录下；如果它们是不同的客户，则标记为非重复。</translation>
    </message>
    <message>
        <source>&amp;Withdraw mark…</source>
        <translation>撤销标记(&amp;W)…</translation>
    </message>
    <message>
        <source>The two records may be one customer after all: group them again (Ctrl+D)</source>
        <translation>这两条记录可能仍是同一客户：重新将其归组（Ctrl+D）</translation>
    </message>
    <message>
        <source>Reading the marks…</source>
        <translation>正在读取标记…</translation>
    </message>
    <message>
        <source>The marks could not be read. Press F5 to try again.</source>
        <translation>无法读取标记。请按 F5 重试。</translation>
    </message>
    <message>
        <source>Marked as different customers by %1 on %2</source>
        <translation>由 %1 于 %2 标记为不同客户</translation>
    </message>
    <message>
        <source>No records are marked as different customers.</source>
        <translation>没有标记为不同客户的记录。</translation>
    </message>
    <message>
        <source>Merged %1 into %2.</source>
        <translation>已将 %1 合并到 %2。</translation>
    </message>
    <message>
        <source>created %1</source>
        <translation>创建于 %1</translation>
    </message>
    <message>
        <source>record %1</source>
        <translation>第 %1 条</translation>
    </message>
    <message>
        <source>Not duplicates</source>
        <translation>非重复</translation>
    </message>
    <message>
        <source>Mark %1 as different customers?</source>
        <translation>将 %1 标记为不同的客户？</translation>
    </message>
    <message>
        <source>This page will no longer group them with one another; each may still be grouped with other records. Entering a new customer still warns of them.</source>
        <translation>本页将不再把它们互相归为一组；它们仍可能与其他记录归为一组。录入新客户时仍会提示它们。</translation>
    </message>
    <message>
        <source>&amp;Not duplicates</source>
        <translation>非重复(&amp;N)</translation>
    </message>
    <message>
        <source>Marked %1 as different customers.</source>
        <translation>已将 %1 标记为不同的客户。</translation>
    </message>
    <message>
        <source>Withdraw mark</source>
        <translation>撤销标记</translation>
    </message>
    <message>
        <source>Withdraw the mark that %1 are different customers?</source>
        <translation>撤销 %1 为不同客户的标记？</translation>
    </message>
    <message>
        <source>The possible duplicates may group them again.</source>
        <translation>疑似重复列表可能会再次将其归组。</translation>
    </message>
    <message>
        <source>&amp;Withdraw mark</source>
        <translation>撤销标记(&amp;W)</translation>
    </message>
    <message>
        <source>Withdrew the mark that %1 are different customers.</source>
        <translation>已撤销 %1 为不同客户的标记。</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>组</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>EditStockDialog</name>
    <message>
        <source>Edit stock vehicle %1</source>
        <translation>编辑库存车辆 %1</translation>
    </message>
    <message>
        <source>Locat&amp;ion</source>
        <translation>库位(&amp;I)</translation>
    </message>
    <message>
        <source>Co&amp;lour</source>
        <translation>颜色(&amp;L)</translation>
    </message>
    <message>
        <source>List &amp;price</source>
        <translation>指导价(&amp;P)</translation>
    </message>
    <message>
        <source>The car is sold: its cost is the one its sale was booked with; add a cost instead</source>
        <translation>车辆已售出：成本以销售入账时为准；请改为添加费用</translation>
    </message>
    <message>
        <source>Purchase &amp;cost</source>
        <translation>采购成本(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Ordered on</source>
        <translation>订车日期(&amp;O)</translation>
    </message>
    <message>
        <source>Pro&amp;duced on</source>
        <translation>生产日期(&amp;D)</translation>
    </message>
    <message>
        <source>The car is sold: its arrival day is the one its sale was booked with</source>
        <translation>车辆已售出：到库日期以销售入账时为准</translation>
    </message>
    <message>
        <source>A&amp;rrived on</source>
        <translation>到店日期(&amp;R)</translation>
    </message>
    <message>
        <source>O&amp;ptions</source>
        <translation>选装(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>Sold: the purchase cost and arrival day are those its sale was booked with. A cost found later is added with Add cost… on the stock page.</source>
        <translation>已售出：采购成本和到库日期以销售入账时为准。之后发现的费用请在库存页面用“添加费用…”录入。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Not allowed</source>
        <translation>无权操作</translation>
    </message>
    <message>
        <source>You do not have permission to do this.</source>
        <translation>您没有执行此操作的权限。</translation>
    </message>
    <message>
        <source>Not possible now</source>
        <translation>现在无法执行</translation>
    </message>
    <message>
        <source>Please check your input</source>
        <translation>请检查输入内容</translation>
    </message>
    <message>
        <source>Database problem</source>
        <translation>数据库错误</translation>
    </message>
    <message>
        <source>Forecourt</source>
        <translation>Forecourt</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>Forecourt hit an unexpected problem. Your saved work is safe; the action you were doing may not have completed.</source>
        <translation>Forecourt 遇到了意外问题。已保存的数据是安全的；您刚才的操作可能没有完成。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Your role does not allow this: %1</source>
        <translation>您的角色没有此权限：%1</translation>
    </message>
</context>
<context>
    <name>EstimateDialog</name>
    <message>
        <source>Estimate for the customer</source>
        <translation>给客户的报价</translation>
    </message>
    <message>
        <source>Found on &amp;job</source>
        <translation>发现于作业(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Work</source>
        <translation>维修项目(&amp;W)</translation>
    </message>
    <message>
        <source>What the technician does</source>
        <translation>技师要做的工作</translation>
    </message>
    <message>
        <source>&amp;Labour</source>
        <translation>工时(&amp;L)</translation>
    </message>
    <message>
        <source>e.g. 1.5</source>
        <translation>例如 1.5</translation>
    </message>
    <message>
        <source>&amp;Hours</source>
        <translation>小时数(&amp;H)</translation>
    </message>
    <message>
        <source>Part number (optional)</source>
        <translation>配件编号（可选）</translation>
    </message>
    <message>
        <source>&amp;Part</source>
        <translation>配件(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>数量(&amp;Q)</translation>
    </message>
    <message>
        <source>Labour is priced at the hourly rate, the part at its retail price.</source>
        <translation>工时按工时单价计价，配件按零售价计价。</translation>
    </message>
    <message>
        <source>Enter hours like 1.5</source>
        <translation>请输入小时数，例如 1.5</translation>
    </message>
    <message>
        <source>No part has that number</source>
        <translation>没有此编号的配件</translation>
    </message>
</context>
<context>
    <name>EstimatesDialog</name>
    <message>
        <source>Estimates</source>
        <translation>报价</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>维修项目</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>客户答复</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>E&amp;xtra work…</source>
        <translation>追加项目(&amp;X)…</translation>
    </message>
    <message>
        <source>Appro&amp;ve</source>
        <translation>客户同意(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Decline</source>
        <translation>客户拒绝(&amp;D)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Approved work joins the repair order; declined work is offered again at the car&apos;s next visit.</source>
        <translation>客户同意的项目加入工单；拒绝的项目在车辆下次进厂时再次推荐。</translation>
    </message>
    <message>
        <source>Repair order %1 · %2</source>
        <translation>工单 %1 · %2</translation>
    </message>
    <message>
        <source>Health check</source>
        <translation>健康检查</translation>
    </message>
    <message>
        <source>Extra work</source>
        <translation>追加项目</translation>
    </message>
    <message>
        <source>Declined before</source>
        <translation>以前拒绝</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Export list</source>
        <translation>导出列表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件，UTF-8 编码 (*.csv)</translation>
    </message>
    <message>
        <source>Exported %n row(s) to %1</source>
        <translation>已将 %n 条记录导出到 %1</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>Export the rows shown to Excel or CSV (Ctrl+E)</source>
        <translation>将显示的行导出为 Excel 或 CSV 文件 (Ctrl+E)</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>服务顾问</translation>
    </message>
    <message>
        <source>Allocated on</source>
        <translation>核销日期</translation>
    </message>
    <message>
        <source>Allocations</source>
        <translation>分配</translation>
    </message>
    <message>
        <source>Alt name</source>
        <translation>别名</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Amounts</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Answered by</source>
        <translation>回访人</translation>
    </message>
    <message>
        <source>Answered on</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Approved amount</source>
        <translation>核定金额</translation>
    </message>
    <message>
        <source>Approved job</source>
        <translation>批准的作业</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>At</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>可用比例</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Bay</source>
        <translation>工位</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <source>Bill to customer</source>
        <translation>结算客户</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>货位</translation>
    </message>
    <message>
        <source>Bin from</source>
        <translation>原货位</translation>
    </message>
    <message>
        <source>Bin to</source>
        <translation>截止货位</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Blob</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Booked hours</source>
        <translation>预约工时</translation>
    </message>
    <message>
        <source>Booked on</source>
        <translation>预约日期</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Break minutes</source>
        <translation>休息分钟数</translation>
    </message>
    <message>
        <source>Builtin</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Campaign code</source>
        <translation>活动代码</translation>
    </message>
    <message>
        <source>Cancel reason</source>
        <translation>取消原因</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Check item</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Claim number</source>
        <translation>理赔单号</translation>
    </message>
    <message>
        <source>Clockings</source>
        <translation>打卡记录</translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation>结束人</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Comeback days</source>
        <translation>返修判定天数</translation>
    </message>
    <message>
        <source>Comeback of</source>
        <translation>返修来源工单</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Company reg</source>
        <translation>公司注册号</translation>
    </message>
    <message>
        <source>Completed at</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Completed on</source>
        <translation>完工日期</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>客户陈述</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>故障现象</translation>
    </message>
    <message>
        <source>Contact name</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Corrected at</source>
        <translation>更正时间</translation>
    </message>
    <message>
        <source>Corrected by</source>
        <translation>更正人</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>处理措施</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Cost total</source>
        <translation>成本合计</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>盘点单</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实盘数量</translation>
    </message>
    <message>
        <source>Counted at</source>
        <translation>盘点时间</translation>
    </message>
    <message>
        <source>Counted cash</source>
        <translation>实点现金</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Credit note</source>
        <translation>红字发票</translation>
    </message>
    <message>
        <source>Credited invoice</source>
        <translation>被冲销发票</translation>
    </message>
    <message>
        <source>Credited line</source>
        <translation>被冲销明细</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Customer address</source>
        <translation>客户地址</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Customer phone</source>
        <translation>客户电话</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Dealer address</source>
        <translation>经销商地址</translation>
    </message>
    <message>
        <source>Dealer name</source>
        <translation>经销商名称</translation>
    </message>
    <message>
        <source>Dealer phone</source>
        <translation>经销商电话</translation>
    </message>
    <message>
        <source>Customer tax ID</source>
        <translation>客户纳税人识别号</translation>
    </message>
    <message>
        <source>Actual cash value</source>
        <translation>实际现金价值</translation>
    </message>
    <message>
        <source>Allow negative stock</source>
        <translation>允许负库存</translation>
    </message>
    <message>
        <source>Allowance</source>
        <translation>置换作价</translation>
    </message>
    <message>
        <source>Appraised on</source>
        <translation>评估日期</translation>
    </message>
    <message>
        <source>Appraiser</source>
        <translation>评估师</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Approval level</source>
        <translation>审批级别</translation>
    </message>
    <message>
        <source>Approval state</source>
        <translation>审批状态</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>部位</translation>
    </message>
    <message>
        <source>Arrived on</source>
        <translation>到店日期</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Cancelled on</source>
        <translation>取消日期</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>交车检查</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>佣金</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Customer a</source>
        <translation>客户一</translation>
    </message>
    <message>
        <source>Customer b</source>
        <translation>客户二</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>销售单</translation>
    </message>
    <message>
        <source>Deal discount</source>
        <translation>整单优惠</translation>
    </message>
    <message>
        <source>Deal discount bp</source>
        <translation>整单优惠率</translation>
    </message>
    <message>
        <source>Dealer tax ID</source>
        <translation>经销商纳税人识别号</translation>
    </message>
    <message>
        <source>Decided at</source>
        <translation>决定时间</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>决定人</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>审批日期</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Decision note</source>
        <translation>决定备注</translation>
    </message>
    <message>
        <source>Delivered on</source>
        <translation>交车日期</translation>
    </message>
    <message>
        <source>Demo car</source>
        <translation>试驾车</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>定金</translation>
    </message>
    <message>
        <source>Deposit payment</source>
        <translation>定金收款</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Description alt</source>
        <translation>备用描述</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Discount bp</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Doc type</source>
        <translation>单据类型</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>单证</translation>
    </message>
    <message>
        <source>Done at</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Done by</source>
        <translation>完成人</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Due days</source>
        <translation>付款天数</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>End minute</source>
        <translation>结束分钟</translation>
    </message>
    <message>
        <source>Ended at</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Ends at</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Engine number</source>
        <translation>发动机号</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>报价</translation>
    </message>
    <message>
        <source>Excess amount</source>
        <translation>免赔额</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应有数量</translation>
    </message>
    <message>
        <source>Expected amount</source>
        <translation>应收金额</translation>
    </message>
    <message>
        <source>Expected cash</source>
        <translation>应有现金</translation>
    </message>
    <message>
        <source>Expected on</source>
        <translation>预计到货日</translation>
    </message>
    <message>
        <source>Failed on</source>
        <translation>故障日期</translation>
    </message>
    <message>
        <source>Failed part</source>
        <translation>故障件</translation>
    </message>
    <message>
        <source>Failed part number</source>
        <translation>故障件编号</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>筛选条件</translation>
    </message>
    <message>
        <source>Finance lender</source>
        <translation>贷款机构</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>审批内容指纹</translation>
    </message>
    <message>
        <source>For customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>For reference</source>
        <translation>参考号</translation>
    </message>
    <message>
        <source>Fuel</source>
        <translation>燃料</translation>
    </message>
    <message>
        <source>Fuel level</source>
        <translation>油量</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Gross bp</source>
        <translation>毛利比例（基点）</translation>
    </message>
    <message>
        <source>Gross profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Handed over on</source>
        <translation>交车日期</translation>
    </message>
    <message>
        <source>Handed to</source>
        <translation>交给</translation>
    </message>
    <message>
        <source>Held for</source>
        <translation>预留给</translation>
    </message>
    <message>
        <source>Hourly rate</source>
        <translation>小时工价</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Id number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Incurred on</source>
        <translation>发生日期</translation>
    </message>
    <message>
        <source>Inspected by</source>
        <translation>检查人</translation>
    </message>
    <message>
        <source>Insurance claim ref</source>
        <translation>保险理赔号</translation>
    </message>
    <message>
        <source>Insurance excess</source>
        <translation>客户自付额</translation>
    </message>
    <message>
        <source>Insurer</source>
        <translation>保险公司</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Invoice discount</source>
        <translation>整单折扣</translation>
    </message>
    <message>
        <source>Invoiced on</source>
        <translation>开票日期</translation>
    </message>
    <message>
        <source>Is default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Is primary</source>
        <translation>主要</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>已发料</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>开具日期</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Item code</source>
        <translation>项目代码</translation>
    </message>
    <message>
        <source>Item type</source>
        <translation>项目类型</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>套餐项目</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Job no</source>
        <translation>工单项号</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>作业项目</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留值</translation>
    </message>
    <message>
        <source>Kept at</source>
        <translation>存放处</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Kinds</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>销售线索</translation>
    </message>
    <message>
        <source>Lead time days</source>
        <translation>交货天数</translation>
    </message>
    <message>
        <source>Ledger mark</source>
        <translation>账簿标记</translation>
    </message>
    <message>
        <source>Lender</source>
        <translation>贷款机构</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>审批级别</translation>
    </message>
    <message>
        <source>Licence checked</source>
        <translation>驾驶证已核验</translation>
    </message>
    <message>
        <source>Licence expires on</source>
        <translation>驾驶证有效期至</translation>
    </message>
    <message>
        <source>Licence number</source>
        <translation>驾驶证号</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>数量上限</translation>
    </message>
    <message>
        <source>Line no</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>明细行</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>List cost</source>
        <translation>目录成本</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>指导价</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>标志</translation>
    </message>
    <message>
        <source>Lost code</source>
        <translation>战败原因</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>战败原因</translation>
    </message>
    <message>
        <source>Lost requested at</source>
        <translation>申请战败时间</translation>
    </message>
    <message>
        <source>Lost requested by</source>
        <translation>申请战败人</translation>
    </message>
    <message>
        <source>Low stock threshold</source>
        <translation>低库存预警线</translation>
    </message>
    <message>
        <source>Make</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>制造商</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>映射</translation>
    </message>
    <message>
        <source>Margin bp</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <source>Marketing consent</source>
        <translation>营销许可</translation>
    </message>
    <message>
        <source>Marketing consent since</source>
        <translation>营销许可日期</translation>
    </message>
    <message>
        <source>Marketing ok</source>
        <translation>同意营销</translation>
    </message>
    <message>
        <source>Marketing since</source>
        <translation>营销许可日期</translation>
    </message>
    <message>
        <source>Marketing withdrawn on</source>
        <translation>营销许可撤回日期</translation>
    </message>
    <message>
        <source>Max discount bp</source>
        <translation>最高优惠率</translation>
    </message>
    <message>
        <source>Max qty</source>
        <translation>最大数量</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>保养套餐</translation>
    </message>
    <message>
        <source>Menu discount</source>
        <translation>套餐优惠</translation>
    </message>
    <message>
        <source>Menu price</source>
        <translation>套餐价</translation>
    </message>
    <message>
        <source>Menu variance</source>
        <translation>套餐差额</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>被合并客户</translation>
    </message>
    <message>
        <source>Merged into</source>
        <translation>合并至</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Methods</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Mileage in</source>
        <translation>进厂里程</translation>
    </message>
    <message>
        <source>Mileage km</source>
        <translation>里程（公里）</translation>
    </message>
    <message>
        <source>Mileage out</source>
        <translation>交车里程</translation>
    </message>
    <message>
        <source>Mileage override</source>
        <translation>接受较低里程</translation>
    </message>
    <message>
        <source>Min days</source>
        <translation>最少天数</translation>
    </message>
    <message>
        <source>Min margin bp</source>
        <translation>最低毛利率</translation>
    </message>
    <message>
        <source>Min qty</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>Model family</source>
        <translation>车型系列</translation>
    </message>
    <message>
        <source>Model year</source>
        <translation>年款</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <source>Net total</source>
        <translation>净额合计</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Next seq</source>
        <translation>下一序号</translation>
    </message>
    <message>
        <source>Next service km</source>
        <translation>下次保养里程</translation>
    </message>
    <message>
        <source>Next service on</source>
        <translation>下次保养日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Number key</source>
        <translation>编号键</translation>
    </message>
    <message>
        <source>Number prefixes</source>
        <translation>编号前缀</translation>
    </message>
    <message>
        <source>Odometer in</source>
        <translation>还车里程</translation>
    </message>
    <message>
        <source>Odometer km</source>
        <translation>里程（公里）</translation>
    </message>
    <message>
        <source>Odometer out</source>
        <translation>出车里程</translation>
    </message>
    <message>
        <source>Offered from</source>
        <translation>推荐来源</translation>
    </message>
    <message>
        <source>Offered on</source>
        <translation>推荐日期</translation>
    </message>
    <message>
        <source>Old password</source>
        <translation>旧密码</translation>
    </message>
    <message>
        <source>On</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>开单日期</translation>
    </message>
    <message>
        <source>Opening float</source>
        <translation>备用金</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>工时项目</translation>
    </message>
    <message>
        <source>Operation code</source>
        <translation>工时代码</translation>
    </message>
    <message>
        <source>Operation codes</source>
        <translation>工时项目代码</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>选装</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Ordered on</source>
        <translation>订购日期</translation>
    </message>
    <message>
        <source>Original name</source>
        <translation>原文件名</translation>
    </message>
    <message>
        <source>Other spelling</source>
        <translation>其他拼写</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Outstanding finance</source>
        <translation>未还贷款</translation>
    </message>
    <message>
        <source>Overbooked reason</source>
        <translation>超额预约原因</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>车主</translation>
    </message>
    <message>
        <source>Paid amount</source>
        <translation>已付金额</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>付款日期</translation>
    </message>
    <message>
        <source>Paid out on</source>
        <translation>放款日期</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>零件</translation>
    </message>
    <message>
        <source>Part number</source>
        <translation>零件号</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Parts note</source>
        <translation>备件说明</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Pay type</source>
        <translation>付费类型</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>Payment terms days</source>
        <translation>付款期限（天）</translation>
    </message>
    <message>
        <source>Pdi</source>
        <translation>PDI 检查</translation>
    </message>
    <message>
        <source>Pdi repair order</source>
        <translation>PDI 检查工单</translation>
    </message>
    <message>
        <source>Per</source>
        <translation>按</translation>
    </message>
    <message>
        <source>Per unit</source>
        <translation>每台金额</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>保单</translation>
    </message>
    <message>
        <source>Policy number</source>
        <translation>保单号</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <source>Posted at</source>
        <translation>过账时间</translation>
    </message>
    <message>
        <source>Posted by</source>
        <translation>过账人</translation>
    </message>
    <message>
        <source>Posted on</source>
        <translation>过账日期</translation>
    </message>
    <message>
        <source>Preferred supplier</source>
        <translation>首选供应商</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>前缀</translation>
    </message>
    <message>
        <source>Premium</source>
        <translation>保费</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Price estimate</source>
        <translation>预估价格</translation>
    </message>
    <message>
        <source>Prices include tax</source>
        <translation>价格含税</translation>
    </message>
    <message>
        <source>Print count</source>
        <translation>打印次数</translation>
    </message>
    <message>
        <source>Produced on</source>
        <translation>生产日期</translation>
    </message>
    <message>
        <source>Promised at</source>
        <translation>承诺交车时间</translation>
    </message>
    <message>
        <source>Purchase cost</source>
        <translation>采购成本</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Quantity milli</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Quoted on</source>
        <translation>报价日期</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>税率</translation>
    </message>
    <message>
        <source>Rate bp</source>
        <translation>税率</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Rebate</source>
        <translation>返利</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收货</translation>
    </message>
    <message>
        <source>Received amount</source>
        <translation>已收金额</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>收货日期</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考号</translation>
    </message>
    <message>
        <source>Refund of</source>
        <translation>退款原款项</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Released at</source>
        <translation>释放时间</translation>
    </message>
    <message>
        <source>Renewed from</source>
        <translation>续保自</translation>
    </message>
    <message>
        <source>Reorder manual</source>
        <translation>手动补货水平</translation>
    </message>
    <message>
        <source>Repair order</source>
        <translation>维修工单</translation>
    </message>
    <message>
        <source>Repair order number</source>
        <translation>工单号</translation>
    </message>
    <message>
        <source>Requested work</source>
        <translation>委托项目</translation>
    </message>
    <message>
        <source>Required level</source>
        <translation>所需审批级别</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Retail price</source>
        <translation>零售价</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Role code</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>销售顾问</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Second description</source>
        <translation>第二描述</translation>
    </message>
    <message>
        <source>Service interval km</source>
        <translation>保养间隔公里数</translation>
    </message>
    <message>
        <source>Service interval months</source>
        <translation>保养间隔月数</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Sold on</source>
        <translation>销售日期</translation>
    </message>
    <message>
        <source>Sort</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>Sort order</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Splits</source>
        <translation>分笔付款</translation>
    </message>
    <message>
        <source>Stage changed at</source>
        <translation>阶段变更时间</translation>
    </message>
    <message>
        <source>Stage changed by</source>
        <translation>阶段变更人</translation>
    </message>
    <message>
        <source>Standard hours</source>
        <translation>标准工时</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Start minute</source>
        <translation>开始分钟</translation>
    </message>
    <message>
        <source>Started at</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Started on</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>到店时间</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Stock number</source>
        <translation>库存编号</translation>
    </message>
    <message>
        <source>Stock vehicle</source>
        <translation>库存车辆</translation>
    </message>
    <message>
        <source>Submitted on</source>
        <translation>提交日期</translation>
    </message>
    <message>
        <source>Superseded by</source>
        <translation>替代零件</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Supplier reference</source>
        <translation>供应商单号</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>满意度回访</translation>
    </message>
    <message>
        <source>Survey low score</source>
        <translation>回访低分线</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>税额</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>纳税人识别号</translation>
    </message>
    <message>
        <source>Tax code</source>
        <translation>税码</translation>
    </message>
    <message>
        <source>Tax rate bp</source>
        <translation>税率</translation>
    </message>
    <message>
        <source>Tax total</source>
        <translation>税额合计</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>模板名称</translation>
    </message>
    <message>
        <source>Term months</source>
        <translation>期限（月）</translation>
    </message>
    <message>
        <source>Terminal code</source>
        <translation>终端代码</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Trade in</source>
        <translation>置换</translation>
    </message>
    <message>
        <source>Trade price</source>
        <translation>批发价</translation>
    </message>
    <message>
        <source>Trim</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Trims</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>台数</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>VIN</source>
        <translation>VIN</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>型号版本</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Vin</source>
        <translation>VIN</translation>
    </message>
    <message>
        <source>Vin from</source>
        <translation>起始车架号</translation>
    </message>
    <message>
        <source>Vin to</source>
        <translation>VIN 止</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Enter an amount</source>
        <translation>请输入金额</translation>
    </message>
    <message>
        <source>Enter a quantity</source>
        <translation>请输入数量</translation>
    </message>
    <message>
        <source>Enter a percentage</source>
        <translation>请输入百分比</translation>
    </message>
    <message>
        <source>e.g. 13 or 6.5</source>
        <translation>例如 13 或 6.5</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>Finance</name>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Paid out</source>
        <translation>已放款</translation>
    </message>
    <message>
        <source>Compulsory (CTPL)</source>
        <translation>交强险</translation>
    </message>
    <message>
        <source>Commercial</source>
        <translation>商业险</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Appraised</source>
        <translation>已评估</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <source>Taken into stock</source>
        <translation>已入库</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>车身</translation>
    </message>
    <message>
        <source>Paint</source>
        <translation>漆面</translation>
    </message>
    <message>
        <source>Interior</source>
        <translation>内饰</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>发动机</translation>
    </message>
    <message>
        <source>Gearbox</source>
        <translation>变速箱</translation>
    </message>
    <message>
        <source>Tyres</source>
        <translation>轮胎</translation>
    </message>
    <message>
        <source>Electrics</source>
        <translation>电气</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>较差</translation>
    </message>
    <message>
        <source>Body and paint</source>
        <translation>钣金喷漆</translation>
    </message>
    <message>
        <source>Mechanical</source>
        <translation>机械</translation>
    </message>
    <message>
        <source>Cleaning</source>
        <translation>清洁美容</translation>
    </message>
</context>
<context>
    <name>FinanceScreen</name>
    <message>
        <source>Finance &amp; insurance</source>
        <translation>金融与保险</translation>
    </message>
    <message>
        <source>&amp;Loan applications</source>
        <translation>贷款申请(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Insurance policies</source>
        <translation>保险保单(&amp;I)</translation>
    </message>
    <message>
        <source>Renewals &amp;due</source>
        <translation>续保提醒(&amp;D)</translation>
    </message>
</context>
<context>
    <name>FirstOwnerDialog</name>
    <message>
        <source>Create the owner account</source>
        <translation>创建所有者账户</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>姓名(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>确认密码(&amp;R)</translation>
    </message>
    <message>
        <source>This account can do everything, including adding other users.</source>
        <translation>此账户拥有全部权限，包括添加其他用户。</translation>
    </message>
    <message>
        <source>The two passwords differ</source>
        <translation>两次输入的密码不一致</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Welcome to Forecourt</source>
        <translation>欢迎使用 Forecourt</translation>
    </message>
    <message>
        <source>There is no database at %1 yet.</source>
        <translation>%1 处还没有数据库。</translation>
    </message>
    <message>
        <source>Start with demo data to try Forecourt out, or with an empty database for your dealership.</source>
        <translation>可以先用演示数据试用 Forecourt，也可以为您的经销店新建一个空数据库。</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>Empty database</source>
        <translation>空数据库</translation>
    </message>
</context>
<context>
    <name>FollowUpsScreen</name>
    <message>
        <source>My follow-ups</source>
        <translation>我的跟进</translation>
    </message>
    <message>
        <source>Mark &amp;done…</source>
        <translation>标记完成(&amp;D)…</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>follow-ups</source>
        <translation>条跟进</translation>
    </message>
    <message>
        <source>Nothing due: no follow-up of yours is due today or overdue.</source>
        <translation>没有到期的跟进：今天没有到期或逾期的跟进任务。</translation>
    </message>
    <message>
        <source>Due today or overdue</source>
        <translation>今天到期或逾期</translation>
    </message>
    <message>
        <source>Overdue first. Enter marks the selected follow-up done and can schedule the next one.</source>
        <translation>逾期的排在前面。按回车将所选跟进标记为完成，并可安排下一次跟进。</translation>
    </message>
</context>
<context>
    <name>Forecourt</name>
    <message>
        <source>Backing up before closing</source>
        <translation>正在退出前备份</translation>
    </message>
</context>
<context>
    <name>ForemanBoardScreen</name>
    <message>
        <source>Foreman board</source>
        <translation>车间主管看板</translation>
    </message>
    <message>
        <source>&amp;Large text</source>
        <translation>大字体(&amp;L)</translation>
    </message>
    <message>
        <source>Text readable from across the workshop (F9)</source>
        <translation>在车间远处也能看清的文字 (F9)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+↑/↓ gives the job to the technician above or below; Ctrl+←/→ moves the repair order to the previous or next status; or drag a card.</source>
        <translation>Ctrl+↑/↓ 把作业派给上一位或下一位技师；Ctrl+←/→ 把工单移到上一个或下一个状态；也可以拖动卡片。</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Repair order</source>
        <translation>维修工单</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>工作内容</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Promised</source>
        <translation>承诺交车</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Clocked on now</source>
        <translation>正在作业</translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation>尚未派工</translation>
    </message>
    <message>
        <source>%1 repair orders, %2 jobs late</source>
        <translation>%1 张工单，%2 项作业超时</translation>
    </message>
    <message>
        <source>On it: %1</source>
        <translation>正在作业：%1</translation>
    </message>
    <message>
        <source>Promised %1</source>
        <translation>承诺 %1</translation>
    </message>
    <message>
        <source>Late: promised %1</source>
        <translation>超时：承诺 %1</translation>
    </message>
    <message>
        <source>A repair order that is %1 cannot move that way.</source>
        <translation>状态为“%1”的工单不能往这个方向移动。</translation>
    </message>
</context>
<context>
    <name>GlobalSearchDialog</name>
    <message>
        <source>Search everything</source>
        <translation>全局搜索</translation>
    </message>
    <message>
        <source>Name, phone, plate, VIN…</source>
        <translation>姓名、电话、车牌号、车架号…</translation>
    </message>
    <message>
        <source>Type at least one character.</source>
        <translation>请至少输入一个字符。</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s). Enter takes the one marked; ↓ ↑ move.</source>
        <translation>
            <numerusform>共 %n 条结果。按 Enter 选定高亮的一条，↓ ↑ 移动。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s). Enter opens; ↓ ↑ choose.</source>
        <translation>
            <numerusform>共 %n 条结果。按 Enter 打开，↓ ↑ 选择。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>未找到结果。</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Hand over %1</source>
        <translation>交车 %1</translation>
    </message>
    <message>
        <source>Mileage in</source>
        <translation>进厂里程</translation>
    </message>
    <message>
        <source>&amp;Mileage out</source>
        <translation>交车里程(&amp;M)</translation>
    </message>
    <message>
        <source>Next service &amp;date</source>
        <translation>下次保养日期(&amp;D)</translation>
    </message>
    <message>
        <source>Next service &amp;at</source>
        <translation>下次保养里程(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Hand over</source>
        <translation>交车(&amp;H)</translation>
    </message>
    <message>
        <source>The next service falls due after %1 months or %2, whichever comes first. Handing over closes the repair order and makes its satisfaction survey due.</source>
        <translation>下次保养在 %1 个月后或再行驶 %2 后到期，以先到者为准。交车后工单关闭，并生成待办的满意度回访。</translation>
    </message>
</context>
<context>
    <name>HealthCheck</name>
    <message>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <source>Amber</source>
        <translation>黄色</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>Awaiting answer</source>
        <translation>待客户确认</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>客户同意</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>客户拒绝</translation>
    </message>
    <message>
        <source>Enter hours like 1.5</source>
        <translation>请输入小时数，例如 1.5</translation>
    </message>
</context>
<context>
    <name>HealthCheckDialog</name>
    <message>
        <source>Health check</source>
        <translation>健康检查</translation>
    </message>
    <message>
        <source>&amp;Start check</source>
        <translation>开始检查(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Template</source>
        <translation>模板(&amp;T)</translation>
    </message>
    <message>
        <source>Te&amp;mplates…</source>
        <translation>检查模板(&amp;M)…</translation>
    </message>
    <message>
        <source>Change the templates or add one</source>
        <translation>修改或新增健康检查模板</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Point</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>报价</translation>
    </message>
    <message>
        <source>Rate the current point with 1 (green), 2 (amber) or 3 (red); F2 edits its note.</source>
        <translation>按 1（绿色）、2（黄色）或 3（红色）评定当前项目；按 F2 编辑说明。</translation>
    </message>
    <message>
        <source>Add p&amp;hoto…</source>
        <translation>添加照片(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Estimate…</source>
        <translation>报价(&amp;E)…</translation>
    </message>
    <message>
        <source>Appro&amp;ve</source>
        <translation>客户同意(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Decline</source>
        <translation>客户拒绝(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Finish check</source>
        <translation>完成检查(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>%1 (%2 points)</source>
        <translation>%1（%2 项）</translation>
    </message>
    <message>
        <source>No health check yet: choose a template and start it.</source>
        <translation>尚未进行健康检查：请选择模板并开始。</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>under way</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 — %4, %5</source>
        <translation>%1 · %2 · %3 — %4，%5</translation>
    </message>
    <message>
        <source>green %1, amber %2, red %3, not rated %4</source>
        <translation>绿色 %1，黄色 %2，红色 %3，未检查 %4</translation>
    </message>
    <message>
        <source>Add a photo</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</source>
        <translation>照片 (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import from a file</source>
        <translation>从文件导入</translation>
    </message>
    <message>
        <source>Parts catalogue</source>
        <translation>配件目录</translation>
    </message>
    <message>
        <source>Manufacturer price list</source>
        <translation>厂家价格表</translation>
    </message>
    <message>
        <source>Stock count figures</source>
        <translation>盘点数量</translation>
    </message>
    <message>
        <source>Labour operations</source>
        <translation>工时项目</translation>
    </message>
    <message>
        <source>Campaigns and recalls</source>
        <translation>服务活动和召回</translation>
    </message>
    <message>
        <source>Satisfaction survey answers</source>
        <translation>满意度回访结果</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列对应</translation>
    </message>
    <message>
        <source>Save as &amp;preset…</source>
        <translation>另存为预设(&amp;P)…</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>预览(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Nothing is written unless every row is right; otherwise an error report naming each row and field is written beside the file.</source>
        <translation>只有每一行都正确才会写入；否则会在文件旁生成错误报告，列出每个出错的行和字段。</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.csv)</source>
        <translation>电子表格 (*.xlsx *.xls *.csv)</translation>
    </message>
    <message>
        <source>(choose a preset)</source>
        <translation>（选择预设）</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Save preset</source>
        <translation>保存预设</translation>
    </message>
    <message>
        <source>Name of the preset:</source>
        <translation>预设名称：</translation>
    </message>
    <message>
        <source>Choose the file to import first.</source>
        <translation>请先选择要导入的文件。</translation>
    </message>
    <message>
        <source>Checking the file</source>
        <translation>正在检查文件</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 rows, %2 with errors: fix the file before importing.</source>
        <translation>共 %1 行，其中 %2 行有错误：请修正文件后再导入。</translation>
    </message>
    <message>
        <source>%1 rows: %2 new, %3 updated, %4 unchanged.</source>
        <translation>共 %1 行：新增 %2，更新 %3，未变 %4。</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>Nothing imported</source>
        <translation>未导入任何数据</translation>
    </message>
    <message>
        <source>%1 rows have errors; nothing was written. The error report is %2.</source>
        <translation>%1 行有错误，未写入任何数据。错误报告：%2。</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>%1 new, %2 updated, %3 unchanged.</source>
        <translation>新增 %1，更新 %2，未变 %3。</translation>
    </message>
</context>
<context>
    <name>InvoiceDialog</name>
    <message>
        <source>Edit draft invoice</source>
        <translation>编辑发票草稿</translation>
    </message>
    <message>
        <source>New invoice</source>
        <translation>新建发票</translation>
    </message>
    <message>
        <source>Order, repair order or customer&apos;s reference</source>
        <translation>订单号、维修工单号或客户参考号</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>类型(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Reference</source>
        <translation>参考号(&amp;R)</translation>
    </message>
    <message>
        <source>Payment &amp;terms</source>
        <translation>付款期限(&amp;T)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>&amp;Walk-in</source>
        <translation>散客(&amp;W)</translation>
    </message>
    <message>
        <source>Sell to a walk-in (cash) customer who gives no name (F7)</source>
        <translation>卖给不留姓名的散客（现金客户）(F7)</translation>
    </message>
    <message>
        <source>e.g. 50 or 10%</source>
        <translation>例如 50 或 10%</translation>
    </message>
    <message>
        <source>A discount on the whole invoice, as an amount or a percentage; it is shared over the lines in proportion to their amounts</source>
        <translation>整张发票的折扣，可填金额或百分比；按各行金额比例分摊到各行</translation>
    </message>
    <message>
        <source>No vehicle (workshop and vehicle sales name it)</source>
        <translation>未选车辆（维修和整车销售发票需注明车辆）</translation>
    </message>
    <message>
        <source>Choose &amp;vehicle…</source>
        <translation>选择车辆(&amp;V)…</translation>
    </message>
    <message>
        <source>Find the vehicle by VIN, plate or owner (F6)</source>
        <translation>按车架号、车牌或车主查找车辆 (F6)</translation>
    </message>
    <message>
        <source>No vehicle</source>
        <translation>不选车辆</translation>
    </message>
    <message>
        <source>km</source>
        <translation>公里</translation>
    </message>
    <message>
        <source>The odometer reading, in km</source>
        <translation>里程表读数（公里）</translation>
    </message>
    <message>
        <source>The date the invoice carries when it is posted: today, or an earlier day (before the last posted invoice only with a reason)</source>
        <translation>发票过账时的日期：今天或更早的日期（早于最后一张已过账发票时须说明原因）</translation>
    </message>
    <message>
        <source>Mileage</source>
        <translation>里程</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Invoice disc&amp;ount</source>
        <translation>整单折扣(&amp;O)</translation>
    </message>
    <message>
        <source>Posting &amp;date</source>
        <translation>过账日期(&amp;D)</translation>
    </message>
    <message>
        <source>Item type</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>税率</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>行合计</translation>
    </message>
    <message>
        <source>Prices include tax.</source>
        <translation>价格含税。</translation>
    </message>
    <message>
        <source>Prices exclude tax; tax is added.</source>
        <translation>价格不含税，税额另加。</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>保存草稿(&amp;S)</translation>
    </message>
    <message>
        <source>Save the draft (Enter)</source>
        <translation>保存草稿（Enter）</translation>
    </message>
    <message>
        <source>&amp;Post…</source>
        <translation>开具(&amp;P)…</translation>
    </message>
    <message>
        <source>Save and post: the invoice gets its number and can no longer change (Ctrl+Enter)</source>
        <translation>保存并开具：发票获得编号，此后不能再更改（Ctrl+Enter）</translation>
    </message>
    <message>
        <source> (replaces %1)</source>
        <translation>（替代 %1）</translation>
    </message>
    <message>
        <source>Choose the vehicle</source>
        <translation>选择车辆</translation>
    </message>
    <message>
        <source>Enter the mileage as a whole number of km</source>
        <translation>里程请填写整数公里数</translation>
    </message>
    <message>
        <source>Invoice discount %1</source>
        <translation>整单折扣 %1</translation>
    </message>
    <message>
        <source>Net %1</source>
        <translation>不含税 %1</translation>
    </message>
    <message>
        <source>Tax %1</source>
        <translation>税额 %1</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>合计 %1</translation>
    </message>
    <message>
        <source>(a line is incomplete)</source>
        <translation>（有一行未填写完整）</translation>
    </message>
    <message>
        <source>A posted invoice cannot be changed; issue a credit note to correct it</source>
        <translation>已过账的发票不能修改；请开红字发票更正</translation>
    </message>
    <message>
        <source>The tax rate of %1 has changed since this draft was saved; it shows the saved figures, and posting recomputes them at the rates in force.</source>
        <translation>%1 的税率在草稿保存后已变更；此处显示保存时的金额，过账时按现行税率重新计算。</translation>
    </message>
    <message>
        <source>The last invoice of this series is dated %1: post on that day or later, or give the reason for back-dating it.</source>
        <translation>本系列最后一张发票的日期为 %1：请在该日或之后过账，或说明倒签原因。</translation>
    </message>
    <message>
        <source>Line %1 (%2): tax %3 → %4</source>
        <translation>第 %1 行（%2）：税率 %3 → %4</translation>
    </message>
    <message>
        <source>Tax: %1 → %2</source>
        <translation>税额：%1 → %2</translation>
    </message>
    <message>
        <source>Total: %1 → %2</source>
        <translation>合计：%1 → %2</translation>
    </message>
    <message>
        <source>Post this invoice on %1? It gets its number now and can no longer be changed; a correction needs a credit note.</source>
        <translation>以 %1 为日期过账这张发票？发票将立即获得编号且不可再修改；如需更正须开具红字发票。</translation>
    </message>
    <message>
        <source>It is dated before the last invoice of the series (%1); the reason is kept in the audit trail: %2</source>
        <translation>其日期早于本系列最后一张发票（%1）；原因记入审计日志：%2</translation>
    </message>
    <message>
        <source>Tax rates have changed: posting recomputes the lines at the rates in force, so the invoice changes:</source>
        <translation>税率已变更：过账时按现行税率重新计算各行，发票金额变化如下：</translation>
    </message>
    <message>
        <source>Post invoice</source>
        <translation>开具发票</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
</context>
<context>
    <name>InvoicesScreen</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>开具日期</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已收</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>invoices</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>No invoices yet. Press Ctrl+N to write the first one.</source>
        <translation>暂无发票。按 Ctrl+N 开具第一张发票。</translation>
    </message>
    <message>
        <source>Open balance</source>
        <translation>有未收余额</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>&amp;New invoice</source>
        <translation>新建发票(&amp;N)</translation>
    </message>
    <message>
        <source>Write a new invoice (Ctrl+N)</source>
        <translation>新建发票（Ctrl+N）</translation>
    </message>
    <message>
        <source>&amp;Edit draft</source>
        <translation>编辑草稿(&amp;E)</translation>
    </message>
    <message>
        <source>Change the selected draft (F2)</source>
        <translation>修改所选草稿（F2）</translation>
    </message>
    <message>
        <source>P&amp;ost…</source>
        <translation>开具(&amp;O)…</translation>
    </message>
    <message>
        <source>Post the selected draft: it gets its number (Ctrl+Shift+O)</source>
        <translation>开具所选草稿，发票将获得编号（Ctrl+Shift+O）</translation>
    </message>
    <message>
        <source>Take &amp;payment…</source>
        <translation>收款(&amp;P)…</translation>
    </message>
    <message>
        <source>Take a payment for the selected invoice (Ctrl+Shift+P)</source>
        <translation>为所选发票收款（Ctrl+Shift+P）</translation>
    </message>
    <message>
        <source>&amp;Credit note…</source>
        <translation>红字发票(&amp;C)…</translation>
    </message>
    <message>
        <source>Credit the selected invoice in full or in part (Ctrl+Shift+R)</source>
        <translation>对所选发票全额或部分冲红（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <source>Re&amp;fund…</source>
        <translation>退款(&amp;F)…</translation>
    </message>
    <message>
        <source>Pay back what is left of the money paid for the selected invoice, or of its credit notes</source>
        <translation>退还所选发票收款或其红字发票的剩余金额</translation>
    </message>
    <message>
        <source>P&amp;rint</source>
        <translation>打印(&amp;R)</translation>
    </message>
    <message>
        <source>Open the invoice PDF to print it (Ctrl+P); the arrow saves it as a file (Ctrl+Shift+S)</source>
        <translation>打开发票 PDF 以便打印（Ctrl+P）；点击箭头可另存为文件（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Any balance</source>
        <translation>余额不限</translation>
    </message>
    <message>
        <source>Nothing due</source>
        <translation>无未收余额</translation>
    </message>
    <message>
        <source>Show all customers</source>
        <translation>显示全部客户</translation>
    </message>
    <message>
        <source>Invoices of %1</source>
        <translation>%1 的发票</translation>
    </message>
    <message>
        <source>Draft invoice</source>
        <translation>发票草稿</translation>
    </message>
    <message>
        <source>Credit note %1</source>
        <translation>红字发票 %1</translation>
    </message>
    <message>
        <source>Invoice %1</source>
        <translation>发票 %1</translation>
    </message>
    <message>
        <source>Credits invoice</source>
        <translation>冲红发票</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>付款期限</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>VIN</source>
        <translation>车架号</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>Engine number</source>
        <translation>发动机号</translation>
    </message>
    <message>
        <source>Certificate of conformity</source>
        <translation>车辆合格证号</translation>
    </message>
    <message>
        <source>Mileage</source>
        <translation>里程</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 公里</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message numerus="yes">
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>No lines yet.</source>
        <translation>暂无明细。</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>less %1</source>
        <translation>减 %1</translation>
    </message>
    <message>
        <source>&amp;Delete draft…</source>
        <translation>删除草稿(&amp;D)…</translation>
    </message>
    <message>
        <source>Delete the selected draft (Delete)</source>
        <translation>删除选中的草稿 (Delete)</translation>
    </message>
    <message>
        <source>tax %1</source>
        <translation>税率 %1</translation>
    </message>
    <message>
        <source>%1 credited</source>
        <translation>已冲红 %1</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>不含税金额</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>税额</translation>
    </message>
    <message>
        <source>Gross profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <source>Payments and credits</source>
        <translation>收款与冲红</translation>
    </message>
    <message>
        <source>Credit note</source>
        <translation>红字发票</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Nothing paid yet.</source>
        <translation>尚未收款。</translation>
    </message>
    <message>
        <source>Credit notes held as the customer&apos;s credit:</source>
        <translation>转为客户余额的红字发票：</translation>
    </message>
    <message>
        <source>Balance (overdue)</source>
        <translation>余额（逾期）</translation>
    </message>
    <message>
        <source>Invoice %1 posted.</source>
        <translation>发票 %1 已开具。</translation>
    </message>
    <message>
        <source>A posted invoice cannot be changed; issue a credit note to correct it.</source>
        <translation>已开具的发票不能更改；请开具红字发票更正。</translation>
    </message>
    <message>
        <source>Post invoice</source>
        <translation>开具发票</translation>
    </message>
    <message>
        <source>Post this invoice to %1 for %2? It gets its number now and can no longer be changed.</source>
        <translation>向 %1 开具金额为 %2 的发票？发票将获得编号，此后不能再更改。</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <source>Delete this draft invoice?</source>
        <translation>删除此发票草稿？</translation>
    </message>
    <message>
        <source>Payment recorded.</source>
        <translation>收款已记录。</translation>
    </message>
    <message>
        <source>Refund recorded.</source>
        <translation>退款已记录。</translation>
    </message>
    <message>
        <source>Credit note %1 issued.</source>
        <translation>红字发票 %1 已开具。</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>已发送到打印机。</translation>
    </message>
    <message>
        <source>Save invoice PDF</source>
        <translation>保存发票 PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Writing PDF</source>
        <translation>正在生成 PDF</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <source>Customers&apos; unpaid invoices (receivables)</source>
        <translation>客户未付发票（应收账款）</translation>
    </message>
    <message>
        <source>Customers&apos; credit and advances</source>
        <translation>客户余额与预收款</translation>
    </message>
    <message>
        <source>Parts in stock (inventory)</source>
        <translation>在库配件（存货）</translation>
    </message>
    <message>
        <source>Vehicles in stock (inventory)</source>
        <translation>在库车辆（库存）</translation>
    </message>
    <message>
        <source>Goods received, not yet invoiced by the supplier</source>
        <translation>已到货、供应商尚未开票</translation>
    </message>
    <message>
        <source>Stock found or lost (adjustments)</source>
        <translation>库存盘盈盘亏（调整）</translation>
    </message>
    <message>
        <source>Average cost rounding on goods received</source>
        <translation>入库移动平均成本尾差</translation>
    </message>
    <message>
        <source>Rebates the manufacturer owes</source>
        <translation>厂家应付返利</translation>
    </message>
    <message>
        <source>Rebates earned</source>
        <translation>已得返利</translation>
    </message>
    <message>
        <source>Commission insurers owe</source>
        <translation>保险公司应付佣金</translation>
    </message>
    <message>
        <source>Insurance commission earned</source>
        <translation>保险佣金收入</translation>
    </message>
    <message>
        <source>Service package prices below the itemised price</source>
        <translation>保养套餐低于分项价格的差额</translation>
    </message>
    <message>
        <source>Cash over or short at the day&apos;s close</source>
        <translation>日结现金长短款</translation>
    </message>
    <message>
        <source>Vouchers handed in (issued outside Forecourt)</source>
        <translation>收回的代金券（在 Forecourt 之外发放）</translation>
    </message>
    <message>
        <source>The workshop&apos;s own cost of labour</source>
        <translation>车间自身的工时成本</translation>
    </message>
    <message>
        <source>any other</source>
        <translation>其余各类</translation>
    </message>
    <message>
        <source>Sales: %1</source>
        <translation>销售收入：%1</translation>
    </message>
    <message>
        <source>Cost of sales: %1</source>
        <translation>销售成本：%1</translation>
    </message>
    <message>
        <source>Bought in for a sale: %1</source>
        <translation>为销售外购：%1</translation>
    </message>
    <message>
        <source>Money taken by: %1</source>
        <translation>收款方式：%1</translation>
    </message>
    <message>
        <source>Output tax: %1</source>
        <translation>销项税：%1</translation>
    </message>
</context>
<context>
    <name>JournalScreen</name>
    <message>
        <source>Accounting export</source>
        <translation>会计导出</translation>
    </message>
    <message>
        <source>&amp;Export journal…</source>
        <translation>导出凭证(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the period&apos;s journal lines to an .xlsx or .csv file (Ctrl+E)</source>
        <translation>将该期间的凭证分录写入 .xlsx 或 .csv 文件 (Ctrl+E)</translation>
    </message>
    <message>
        <source>Stock &amp;valuation…</source>
        <translation>库存估值(&amp;V)…</translation>
    </message>
    <message>
        <source>Write the parts and cars in stock at the end of the last day, with their value (the inventory accounts of that day), to an .xlsx or .csv file</source>
        <translation>将截止日末在库的配件和车辆及其价值（即当日的存货科目余额）写入 .xlsx 或 .csv 文件</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>起始日期(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>截止日期(&amp;T)</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>凭证</translation>
    </message>
    <message>
        <source>Invoices, credit notes, receipts, refunds, credit applied later, parts stock movements, vehicles into and out of stock, rebates, insurance commissions and cash counts, each balanced (debits equal credits per reference). Columns: %1.</source>
        <translation>发票、红字发票、收款、退款、后续核销、配件出入库、车辆出入库、返利、保险佣金和现金盘点，每笔凭证借贷平衡（每个凭证号借方等于贷方）。列：%1。</translation>
    </message>
    <message>
        <source>Find a key or account… (Ctrl+F)</source>
        <translation>查找键或科目… (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>E&amp;dit…</source>
        <translation>编辑(&amp;D)…</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>科目</translation>
    </message>
    <message>
        <source>What it is for</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Account name</source>
        <translation>科目名称</translation>
    </message>
    <message>
        <source>Account mapping</source>
        <translation>科目映射</translation>
    </message>
    <message>
        <source>The last day is before the first day</source>
        <translation>截止日期早于起始日期</translation>
    </message>
    <message>
        <source>Export journal</source>
        <translation>导出凭证</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n journal line(s) written to %1.</source>
        <translation>
            <numerusform>已将 %n 条凭证分录写入 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export stock valuation</source>
        <translation>导出库存估值</translation>
    </message>
    <message>
        <source>Exporting stock valuation</source>
        <translation>正在导出库存估值</translation>
    </message>
    <message numerus="yes">
        <source>%n stock line(s) written to %1.</source>
        <translation>
            <numerusform>已将 %n 条库存明细写入 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Exporting journal</source>
        <translation>正在导出凭证</translation>
    </message>
</context>
<context>
    <name>LabourOperationsScreen</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Standard hours</source>
        <translation>标准工时</translation>
    </message>
    <message>
        <source>Model family</source>
        <translation>车系</translation>
    </message>
    <message>
        <source>Kit parts</source>
        <translation>配件数</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>labour operations</source>
        <translation>个工时项目</translation>
    </message>
    <message>
        <source>No labour operations yet. Press Ctrl+N to add the first one, or import a manufacturer&apos;s catalogue with Import…</source>
        <translation>还没有工时项目。按 Ctrl+N 新增第一个，或用“导入…”导入厂家的工时目录。</translation>
    </message>
    <message>
        <source>Labour operations</source>
        <translation>工时项目</translation>
    </message>
    <message>
        <source>&amp;New operation</source>
        <translation>新建工时项目(&amp;N)</translation>
    </message>
    <message>
        <source>Add an operation to the catalogue (Ctrl+N)</source>
        <translation>向目录添加工时项目 (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Edit operation</source>
        <translation>编辑工时项目(&amp;E)</translation>
    </message>
    <message>
        <source>Change the selected operation and its parts kit (F2)</source>
        <translation>修改所选工时项目及其配件包 (F2)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Remove an operation no repair order or booking uses (Delete)</source>
        <translation>删除未被工单或预约使用的工时项目 (Delete)</translation>
    </message>
    <message>
        <source>Labour &amp;rates…</source>
        <translation>工时单价(&amp;R)…</translation>
    </message>
    <message>
        <source>The hourly rate of each pay type and whom its invoices go to</source>
        <translation>各付费类型的每小时工时单价及发票抬头</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import labour operations from a manufacturer&apos;s Excel or CSV file</source>
        <translation>从厂家的 Excel 或 CSV 文件导入工时项目</translation>
    </message>
    <message>
        <source>Every model</source>
        <translation>所有车型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>使用情况</translation>
    </message>
    <message>
        <source>On repair orders or bookings</source>
        <translation>已用于工单或预约</translation>
    </message>
    <message>
        <source>Not used yet</source>
        <translation>尚未使用</translation>
    </message>
    <message>
        <source>Parts kit</source>
        <translation>配件包</translation>
    </message>
    <message>
        <source>No parts: the parts desk prepares nothing for bookings of this operation.</source>
        <translation>无配件：此工时项目的预约无需配件部备料。</translation>
    </message>
    <message>
        <source>Part number</source>
        <translation>配件号</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Labour operation %1 is used on repair orders or bookings, so it stays in the catalogue. Edit it (F2) and untick Active to stop offering it.</source>
        <translation>工时项目 %1 已用于工单或预约，因此保留在目录中。如不再使用，请编辑（F2）并取消勾选“启用”。</translation>
    </message>
    <message>
        <source>Delete labour operation %1 from the catalogue?</source>
        <translation>从目录中删除工时项目 %1？</translation>
    </message>
    <message>
        <source>Delete labour operation</source>
        <translation>删除工时项目</translation>
    </message>
</context>
<context>
    <name>LeadDialog</name>
    <message>
        <source>Lead of %1</source>
        <translation>%1 的销售线索</translation>
    </message>
    <message>
        <source>New lead</source>
        <translation>新建销售线索</translation>
    </message>
    <message>
        <source>A new customer&apos;s name, or Choose… an existing one</source>
        <translation>新客户姓名，或“选择…”已有客户</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>A new customer&apos;s mobile, e.g. 139 1234 5678</source>
        <translation>新客户手机号，例如 139 1234 5678</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Source</source>
        <translation>来源(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Make</source>
        <translation>品牌(&amp;M)</translation>
    </message>
    <message>
        <source>M&amp;odel of interest</source>
        <translation>意向车型(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Budget</source>
        <translation>预算(&amp;B)</translation>
    </message>
    <message>
        <source>Sales&amp;person</source>
        <translation>销售顾问(&amp;P)</translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation>备注(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Already a customer?</source>
        <translation>已是客户？</translation>
    </message>
    <message>
        <source>Click a name (or Tab to it, Enter) to take that customer for the lead; Save anyway makes a new one.</source>
        <translation>点击姓名（或按 Tab 移到姓名后按 Enter）即为该客户建立线索；“仍然保存”则新建客户。</translation>
    </message>
    <message>
        <source>Save &amp;anyway</source>
        <translation>仍然保存(&amp;A)</translation>
    </message>
</context>
<context>
    <name>LeadsScreen</name>
    <message>
        <source>Leads</source>
        <translation>销售线索</translation>
    </message>
    <message>
        <source>&amp;New lead</source>
        <translation>新建线索(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>◀ &amp;Back</source>
        <translation>◀ 退回(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Advance ▶</source>
        <translation>推进(&amp;A) ▶</translation>
    </message>
    <message>
        <source>&amp;Follow-up…</source>
        <translation>跟进(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Test drive…</source>
        <translation>试驾(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Lost…</source>
        <translation>战败(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Confirm lost</source>
        <translation>确认战败(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation>重新打开(&amp;R)</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Make</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>销售顾问</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>战败原因</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <source>Test drives</source>
        <translation>试驾</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>leads</source>
        <translation>条线索</translation>
    </message>
    <message>
        <source>No leads. Ctrl+N records a customer&apos;s interest in a car.</source>
        <translation>暂无销售线索。按 Ctrl+N 记录客户的购车意向。</translation>
    </message>
    <message>
        <source>&amp;Board</source>
        <translation>看板(&amp;B)</translation>
    </message>
    <message>
        <source>Li&amp;st</source>
        <translation>列表(&amp;S)</translation>
    </message>
    <message>
        <source>←/→ column · ↑/↓ card · Ctrl+→ advance · Ctrl+← back · Enter open. Won and lost leads are in the list.</source>
        <translation>←/→ 切换列 · ↑/↓ 切换卡片 · Ctrl+→ 推进 · Ctrl+← 退回 · 回车打开。成交和战败的线索在列表中。</translation>
    </message>
    <message>
        <source>Select a lead to see its details.</source>
        <translation>选择一条线索查看详情。</translation>
    </message>
    <message>
        <source>%1 open leads, %2 awaiting confirmation of loss</source>
        <translation>%1 条进行中的线索，%2 条战败待确认</translation>
    </message>
    <message>
        <source>Model of interest</source>
        <translation>意向车型</translation>
    </message>
    <message>
        <source>Last move</source>
        <translation>最近变更</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>战败</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>In their words</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>A sales manager confirms the loss (Ctrl+Shift+C) or reopens the lead (Ctrl+Shift+R).</source>
        <translation>由销售经理确认战败（Ctrl+Shift+C）或重新打开线索（Ctrl+Shift+R）。</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>跟进任务</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>For</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>None yet (Ctrl+Shift+F).</source>
        <translation>暂无（Ctrl+Shift+F 添加）。</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>驾驶证</translation>
    </message>
    <message>
        <source>km</source>
        <translation>公里</translation>
    </message>
    <message>
        <source>None yet (Ctrl+Shift+T).</source>
        <translation>暂无（Ctrl+Shift+T 登记）。</translation>
    </message>
    <message>
        <source>Open the customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <source>This lead&apos;s loss awaits a sales manager&apos;s confirmation.</source>
        <translation>这条线索的战败申请正等待销售经理确认。</translation>
    </message>
    <message>
        <source>A quotation is won by its deal, or lost with a reason (Ctrl+Shift+L).</source>
        <translation>报价阶段的线索由销售单成交，或填写原因后战败（Ctrl+Shift+L）。</translation>
    </message>
    <message>
        <source>A new lead cannot move back.</source>
        <translation>新线索不能再退回。</translation>
    </message>
</context>
<context>
    <name>LineGrid</name>
    <message>
        <source>&apos;%1&apos; is not a date (yyyy-mm-dd)</source>
        <translation>“%1”不是日期（yyyy-mm-dd）</translation>
    </message>
    <message>
        <source>e.g. 50 or 10%</source>
        <translation>例如 50 或 10%</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>&amp;Add line</source>
        <translation>添加行(&amp;A)</translation>
    </message>
    <message>
        <source>Add a line (Ctrl+Insert)</source>
        <translation>添加一行（Ctrl+Insert）</translation>
    </message>
    <message>
        <source>Remove l&amp;ine</source>
        <translation>删除行(&amp;I)</translation>
    </message>
    <message>
        <source>Remove the selected line (Delete)</source>
        <translation>删除所选行（Delete）</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move the selected line up (Ctrl+Up)</source>
        <translation>将所选行上移（Ctrl+↑）</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Move the selected line down (Ctrl+Down)</source>
        <translation>将所选行下移（Ctrl+↓）</translation>
    </message>
</context>
<context>
    <name>LinkInvoiceDialog</name>
    <message>
        <source>Link repair invoice</source>
        <translation>关联维修发票</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>关联(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Invoice</source>
        <translation>发票(&amp;I)</translation>
    </message>
    <message>
        <source>The customer has no open posted invoice.</source>
        <translation>该客户没有未结清的已过账发票。</translation>
    </message>
</context>
<context>
    <name>ListScreen</name>
    <message>
        <source>Select a row to see its details.</source>
        <translation>选择一行以查看详细信息。</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Nothing here yet.</source>
        <translation>暂无记录。</translation>
    </message>
</context>
<context>
    <name>ListView</name>
    <message>
        <source>Search… (Ctrl+F)</source>
        <translation>搜索… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the rows shown to Excel or CSV (Ctrl+E)</source>
        <translation>将显示的行导出为 Excel 或 CSV 文件 (Ctrl+E)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>共 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing matches your search and filters.</source>
        <translation>没有符合搜索和筛选条件的记录。</translation>
    </message>
</context>
<context>
    <name>LoanDialog</name>
    <message>
        <source>Edit loan application</source>
        <translation>编辑贷款申请</translation>
    </message>
    <message>
        <source>New loan application</source>
        <translation>新建贷款申请</translation>
    </message>
    <message>
        <source>The deal&apos;s number, or its last digits</source>
        <translation>销售单号，或其末尾数字</translation>
    </message>
    <message>
        <source>&amp;Deal</source>
        <translation>销售单(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Lender</source>
        <translation>贷款机构(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>&amp;Term</source>
        <translation>期限(&amp;T)</translation>
    </message>
    <message>
        <source>Yearly &amp;rate (%)</source>
        <translation>年利率（%）(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Submitted on</source>
        <translation>提交日期(&amp;S)</translation>
    </message>
    <message>
        <source>Lender&apos;s r&amp;eference</source>
        <translation>贷款机构编号(&amp;E)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>%1 · total %2</source>
        <translation>%1 · 总额 %2</translation>
    </message>
    <message>
        <source>No single deal has this number</source>
        <translation>没有唯一匹配此单号的销售单</translation>
    </message>
</context>
<context>
    <name>LoanMoveDialog</name>
    <message>
        <source>Loan approved</source>
        <translation>贷款已批准</translation>
    </message>
    <message>
        <source>Loan rejected</source>
        <translation>贷款已拒绝</translation>
    </message>
    <message>
        <source>Loan paid out</source>
        <translation>贷款已放款</translation>
    </message>
    <message>
        <source>&amp;On</source>
        <translation>日期(&amp;O)</translation>
    </message>
</context>
<context>
    <name>LoansPane</name>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>销售单</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Lender</source>
        <translation>贷款机构</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Term (months)</source>
        <translation>期限（月）</translation>
    </message>
    <message>
        <source>Rate %</source>
        <translation>利率 %</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>审批日期</translation>
    </message>
    <message>
        <source>Paid out</source>
        <translation>已放款</translation>
    </message>
    <message>
        <source>loan applications</source>
        <translation>贷款申请</translation>
    </message>
    <message>
        <source>No loan applications yet. Press Ctrl+N to record one for a deal.</source>
        <translation>还没有贷款申请。按 Ctrl+N 为销售单登记一笔。</translation>
    </message>
    <message>
        <source>Loan applications</source>
        <translation>贷款申请</translation>
    </message>
    <message>
        <source>&amp;New application</source>
        <translation>新建申请(&amp;N)</translation>
    </message>
    <message>
        <source>Record a loan application for a deal (Ctrl+N)</source>
        <translation>为销售单登记贷款申请 (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Approved…</source>
        <translation>已批准(&amp;A)…</translation>
    </message>
    <message>
        <source>The lender approved it (Ctrl+Shift+A)</source>
        <translation>贷款机构已批准 (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Re&amp;jected…</source>
        <translation>已拒绝(&amp;J)…</translation>
    </message>
    <message>
        <source>The lender rejected it (Ctrl+Shift+J)</source>
        <translation>贷款机构已拒绝 (Ctrl+Shift+J)</translation>
    </message>
    <message>
        <source>Paid &amp;out…</source>
        <translation>已放款(&amp;O)…</translation>
    </message>
    <message>
        <source>The lender paid the approved loan out (Ctrl+Shift+Y)</source>
        <translation>贷款机构已发放批准的贷款 (Ctrl+Shift+Y)</translation>
    </message>
    <message>
        <source>Deal total</source>
        <translation>销售单总额</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation>%1 个月</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>利率</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Forecourt — log in</source>
        <translation>Forecourt — 登录</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>LostDialog</name>
    <message>
        <source>Lead lost</source>
        <translation>线索战败</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>选择原因…</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>战败原因(&amp;R)</translation>
    </message>
    <message>
        <source>In a few words, e.g. bought at the dealer across town</source>
        <translation>简要说明，例如：已在附近另一家经销店购车</translation>
    </message>
    <message>
        <source>&amp;In their words</source>
        <translation>说明(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Lost</source>
        <translation>战败(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Ask to confirm</source>
        <translation>提交确认(&amp;A)</translation>
    </message>
    <message>
        <source>The lead shows “lost — awaiting confirmation” until a sales manager confirms it or reopens it.</source>
        <translation>在销售经理确认或重新打开之前，线索显示为“战败 — 待确认”。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Duplicate customers</source>
        <translation>疑似重复客户</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>财务</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Stock vehicles</source>
        <translation>库存车辆</translation>
    </message>
    <message>
        <source>Vehicle catalogue</source>
        <translation>车型目录</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Cash desk</source>
        <translation>收银日结</translation>
    </message>
    <message>
        <source>Receivables</source>
        <translation>应收账款</translation>
    </message>
    <message>
        <source>Rebates &amp; claims</source>
        <translation>返利与理赔</translation>
    </message>
    <message>
        <source>Margins</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Accounting export</source>
        <translation>会计导出</translation>
    </message>
    <message>
        <source>Purchase orders</source>
        <translation>采购订单</translation>
    </message>
    <message>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Stock alerts</source>
        <translation>库存预警</translation>
    </message>
    <message>
        <source>Stock counts</source>
        <translation>库存盘点</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Search everything…  Ctrl+K</source>
        <translation>全局搜索…  Ctrl+K</translation>
    </message>
    <message>
        <source>Your role gives you no screens yet. Ask an administrator for access.</source>
        <translation>您的角色暂无可用的界面。请联系管理员开通权限。</translation>
    </message>
    <message>
        <source>Click to show or hide this section&apos;s pages</source>
        <translation>单击以显示或隐藏此栏目的页面</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>修改密码(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Import from a file…</source>
        <translation>从文件导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>退出登录(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Forecourt</source>
        <translation>关于 Forecourt(&amp;A)</translation>
    </message>
    <message>
        <source>Waiting for another program to finish writing…</source>
        <translation>正在等待另一个程序完成写入…</translation>
    </message>
    <message>
        <source>User: %1 (%2)</source>
        <translation>用户：%1（%2）</translation>
    </message>
    <message>
        <source>Terminal: %1</source>
        <translation>终端：%1</translation>
    </message>
    <message>
        <source>The new language is shown once the open dialog is closed.</source>
        <translation>关闭当前打开的对话框后即切换为新语言。</translation>
    </message>
    <message>
        <source>Language changed.</source>
        <translation>界面语言已切换。</translation>
    </message>
    <message>
        <source>Password changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation>正在备份</translation>
    </message>
    <message>
        <source>Backup written to %1</source>
        <translation>备份已保存到 %1</translation>
    </message>
    <message>
        <source>The backup was restored.</source>
        <translation>备份已恢复。</translation>
    </message>
    <message>
        <source>The data as it was before the restore is kept as %1.</source>
        <translation>恢复前的数据已保存为 %1。</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Please log in again.</source>
        <translation>请重新登录。</translation>
    </message>
    <message>
        <source>About Forecourt</source>
        <translation>关于 Forecourt</translation>
    </message>
    <message>
        <source>Forecourt %1 — dealer management for one dealership, offline first.</source>
        <translation>Forecourt %1 — 单店汽车经销商管理系统，离线优先。</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>售后维修</translation>
    </message>
    <message>
        <source>Repair orders</source>
        <translation>维修工单</translation>
    </message>
    <message>
        <source>Reception</source>
        <translation>接车</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>预约日历</translation>
    </message>
    <message>
        <source>Foreman board</source>
        <translation>主管看板</translation>
    </message>
    <message>
        <source>Technician clock</source>
        <translation>技师打卡</translation>
    </message>
    <message>
        <source>Technician time</source>
        <translation>技师工时</translation>
    </message>
    <message>
        <source>Vehicle history</source>
        <translation>车辆维修档案</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>满意度回访</translation>
    </message>
    <message>
        <source>Labour operations</source>
        <translation>工时项目</translation>
    </message>
    <message>
        <source>Showroom</source>
        <translation>展厅</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>销售线索</translation>
    </message>
    <message>
        <source>My follow-ups</source>
        <translation>我的跟进</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>销售单</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>销售审批</translation>
    </message>
    <message>
        <source>Finance &amp; insurance</source>
        <translation>金融与保险</translation>
    </message>
    <message>
        <source>Trade-ins</source>
        <translation>二手车评估</translation>
    </message>
    <message>
        <source>Sales targets</source>
        <translation>销售目标</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <source>Edit account mapping</source>
        <translation>编辑科目映射</translation>
    </message>
    <message>
        <source>Add account mapping</source>
        <translation>添加科目映射</translation>
    </message>
    <message>
        <source>e.g. tax:VAT9 or method:*</source>
        <translation>例如 tax:VAT9 或 method:*</translation>
    </message>
    <message>
        <source>&amp;Key</source>
        <translation>键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>科目(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>Keys: item:&lt;type&gt;, tax:&lt;code&gt;, method:&lt;payment method&gt;, cost:&lt;type&gt;, stock:&lt;type&gt;, or a fixed key such as receivables, inventory or vehicle_inventory; &lt;kind&gt;:* covers the rest of a kind.</source>
        <translation>键：item:&lt;类型&gt;、tax:&lt;税码&gt;、method:&lt;收款方式&gt;、cost:&lt;类型&gt;、stock:&lt;类型&gt;，或固定键如 receivables、inventory、vehicle_inventory；&lt;种类&gt;:* 涵盖该种类的其余项。</translation>
    </message>
</context>
<context>
    <name>MarginsScreen</name>
    <message>
        <source>Margins</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>起始日期(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>截止日期(&amp;T)</translation>
    </message>
    <message>
        <source>This &amp;month</source>
        <translation>本月(&amp;M)</translation>
    </message>
    <message>
        <source>This &amp;year</source>
        <translation>本年(&amp;Y)</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Net sales</source>
        <translation>不含税销售额</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Gross profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>By department</source>
        <translation>按部门</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>按月份</translation>
    </message>
    <message>
        <source>Posted invoices count on their issue day, credit notes against it; amounts are before tax. Gross profit also counts, on the day they are booked, manufacturer rebates earned, trade-in over-allowances and costs added to cars already sold.</source>
        <translation>已过账发票按开票日计入，红字发票冲减当日；金额均为不含税。毛利还按入账日计入厂家返利、置换车超额作价以及已售车辆的追加成本。</translation>
    </message>
    <message>
        <source>The period ends before it starts</source>
        <translation>截止日期早于起始日期</translation>
    </message>
    <message>
        <source>Total: net sales %1, cost %2, gross profit %3 (%4)</source>
        <translation>合计：不含税销售额 %1，成本 %2，毛利 %3（%4）</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge customers</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Other spelling</source>
        <translation>其他拼写</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>营销许可</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>客户说明</translation>
    </message>
    <message>
        <source>created %1</source>
        <translation>创建于 %1</translation>
    </message>
    <message>
        <source>record %1</source>
        <translation>第 %1 条</translation>
    </message>
    <message>
        <source>The record that stays</source>
        <translation>保留的记录</translation>
    </message>
    <message>
        <source>Merge into it</source>
        <translation>合并到保留的记录</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Merge %1</source>
        <translation>合并 %1</translation>
    </message>
    <message>
        <source>Another ID number than %1: a different customer.</source>
        <translation>与 %1 的身份证号不同：是另一位客户。</translation>
    </message>
    <message>
        <source>Another credit code than %1: a different company.</source>
        <translation>与 %1 的统一社会信用代码不同：是另一家企业。</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Values to keep</source>
        <translation>保留的字段值</translation>
    </message>
    <message>
        <source>The records hold the same values.</source>
        <translation>这些记录的字段值相同。</translation>
    </message>
    <message>
        <source>Vehicles, invoices, payments, repair orders, leads, deals, notes and everything else linked to the records merged move to the one that stays. The merged records are kept as merged and leave the lists; unticked records stay as they are. This cannot be undone.</source>
        <translation>勾选的记录关联的车辆、发票、收款、维修工单、销售线索、销售单、备注等全部数据都会转到保留的记录下。勾选的记录标记为已合并，不再出现在列表中；未勾选的记录保持不变。此操作无法撤销。</translation>
    </message>
    <message>
        <source>&amp;Merge…</source>
        <translation>合并(&amp;M)…</translation>
    </message>
    <message>
        <source>ID %1</source>
        <translation>身份证号 %1</translation>
    </message>
    <message>
        <source>credit code %1</source>
        <translation>统一社会信用代码 %1</translation>
    </message>
    <message>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>%1 linked records</source>
        <translation>%1 条关联记录</translation>
    </message>
    <message>
        <source>%1 and %2 have different ID numbers: they are different customers and cannot be merged.</source>
        <translation>%1 与 %2 的身份证号不同：二者是不同的客户，不能合并。</translation>
    </message>
    <message>
        <source>%1 and %2 have different credit codes: they are different companies and cannot be merged.</source>
        <translation>%1 与 %2 的统一社会信用代码不同：二者是不同的企业，不能合并。</translation>
    </message>
    <message>
        <source>The names differ: %1.</source>
        <translation>姓名不同：%1。</translation>
    </message>
    <message>
        <source>The birth dates differ: %1.</source>
        <translation>出生日期不同：%1。</translation>
    </message>
    <message>
        <source>Check that these records are one customer:</source>
        <translation>请确认这些记录是同一位客户：</translation>
    </message>
    <message>
        <source>Merge %1 customers into %2? This cannot be undone.</source>
        <translation>将 %1 位客户合并到 %2？此操作无法撤销。</translation>
    </message>
    <message>
        <source>%1: %2 linked records move to %3; it is kept as merged.</source>
        <translation>%1：%2 条关联记录将转到 %3；该记录标记为已合并。</translation>
    </message>
    <message>
        <source>%1 becomes active again.</source>
        <translation>%1 将重新启用。</translation>
    </message>
    <message>
        <source>%1 takes from the others: %2.</source>
        <translation>%1 将采用其他记录的：%2。</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>合并(&amp;M)</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>ModelDialog</name>
    <message>
        <source>Edit model</source>
        <translation>编辑车系</translation>
    </message>
    <message>
        <source>New model</source>
        <translation>新建车系</translation>
    </message>
    <message>
        <source>M&amp;ake</source>
        <translation>品牌(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>车系(&amp;M)</translation>
    </message>
    <message>
        <source>No alert</source>
        <translation>不预警</translation>
    </message>
    <message>
        <source>Alert when fewer new cars of this model are on order, in transit or in stock and not held by a deal</source>
        <translation>当此车系在订、在途和在库且未被销售单占用的新车少于此数时预警</translation>
    </message>
    <message>
        <source>&amp;Low-stock threshold</source>
        <translation>低库存预警线(&amp;L)</translation>
    </message>
    <message>
        <source>Offered when cars are added to stock</source>
        <translation>车辆入库时可选</translation>
    </message>
    <message>
        <source>Acti&amp;ve</source>
        <translation>启用(&amp;V)</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年款</translation>
    </message>
    <message>
        <source>Trim</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Fuel</source>
        <translation>燃料</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>指导价</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>选装</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Trims — each model year at its list price</source>
        <translation>配置 — 各年款及其指导价</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选装</translation>
    </message>
    <message>
        <source>Ctrl+Insert adds a line, Ctrl+Delete removes one. A trim a stock vehicle was ordered as stays: untick Active instead.</source>
        <translation>&lt;code&gt;Ctrl+Insert&lt;/code&gt; 添加一行，&lt;code&gt;Ctrl+Delete&lt;/code&gt; 删除一行。已有库存车辆使用的配置不能删除：请取消“启用”。</translation>
    </message>
    <message>
        <source>Trim line %1: %2</source>
        <translation>配置第 %1 行：%2</translation>
    </message>
    <message>
        <source>Option line %1: %2</source>
        <translation>选装第 %1 行：%2</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>The note is kept with who wrote it and when, and shows in the customer&apos;s details and timeline.</source>
        <translation>备注会记录填写人和时间，并显示在客户详情和客户时间线中。</translation>
    </message>
</context>
<context>
    <name>OperationDialog</name>
    <message>
        <source>Edit labour operation</source>
        <translation>编辑工时项目</translation>
    </message>
    <message>
        <source>New labour operation</source>
        <translation>新建工时项目</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>代码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>描述(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>系统(&amp;S)</translation>
    </message>
    <message>
        <source>e.g. Engine, Brakes, Maintenance</source>
        <translation>例如：发动机、制动、保养</translation>
    </message>
    <message>
        <source>Standard &amp;hours</source>
        <translation>标准工时(&amp;H)</translation>
    </message>
    <message>
        <source>e.g. 1.5</source>
        <translation>例如 1.5</translation>
    </message>
    <message>
        <source>&amp;Model family</source>
        <translation>车系(&amp;M)</translation>
    </message>
    <message>
        <source>Empty: every model</source>
        <translation>留空：所有车型</translation>
    </message>
    <message>
        <source>Offered when booking and on repair orders</source>
        <translation>预约和工单中可选</translation>
    </message>
    <message>
        <source>Acti&amp;ve</source>
        <translation>启用(&amp;V)</translation>
    </message>
    <message>
        <source>No single catalogue part has this number</source>
        <translation>目录中没有唯一对应此编号的配件</translation>
    </message>
    <message>
        <source>Part number</source>
        <translation>配件号</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Parts kit — what the parts desk prepares for a booking</source>
        <translation>配件包 — 配件部为预约准备的配件</translation>
    </message>
    <message>
        <source>A part number typed is followed to its replacement. Ctrl+Insert adds a line, Ctrl+Delete removes one.</source>
        <translation>输入的配件号会自动跟随到替代件。&lt;code&gt;Ctrl+Insert&lt;/code&gt; 添加一行，&lt;code&gt;Ctrl+Delete&lt;/code&gt; 删除一行。</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <source>Edit purchase order</source>
        <translation>编辑采购订单</translation>
    </message>
    <message>
        <source>New purchase order</source>
        <translation>新建采购订单</translation>
    </message>
    <message>
        <source>&amp;Supplier</source>
        <translation>供应商(&amp;S)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>No part in the catalogue has this number</source>
        <translation>目录中没有此零件号的配件</translation>
    </message>
    <message>
        <source>Part number</source>
        <translation>零件号</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Line cost</source>
        <translation>行成本</translation>
    </message>
    <message>
        <source>&amp;Find part…</source>
        <translation>查找配件(&amp;F)…</translation>
    </message>
    <message>
        <source>Find the part by name or number (F4)</source>
        <translation>按名称或零件号查找配件（F4）</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <source>Add a supplier first: there is none to order from.</source>
        <translation>请先添加供应商：目前没有可订货的供应商。</translation>
    </message>
    <message>
        <source>Choose the part</source>
        <translation>选择配件</translation>
    </message>
    <message>
        <source>Type a part number</source>
        <translation>请输入零件号</translation>
    </message>
    <message>
        <source>Enter a quantity</source>
        <translation>请输入数量</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Order deal %1</source>
        <translation>销售单 %1 下单</translation>
    </message>
    <message>
        <source>%1 for %2: total %3</source>
        <translation>%1，客户 %2：合计 %3</translation>
    </message>
    <message>
        <source>&amp;Deposit</source>
        <translation>定金(&amp;D)</translation>
    </message>
    <message>
        <source>Paid &amp;by</source>
        <translation>付款方式(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Reference</source>
        <translation>参考号(&amp;R)</translation>
    </message>
    <message>
        <source>Taking a deposit needs the right to take payments; without it the deal is ordered without one.</source>
        <translation>收取定金需要收款权限；没有该权限则下单不收定金。</translation>
    </message>
    <message>
        <source>&amp;Order</source>
        <translation>下单(&amp;O)</translation>
    </message>
</context>
<context>
    <name>OverbookDialog</name>
    <message>
        <source>Overbook</source>
        <translation>超额预约</translation>
    </message>
    <message>
        <source>e.g. fleet customer, agreed with the workshop</source>
        <translation>例如：车队客户，已与车间商定</translation>
    </message>
    <message>
        <source>&amp;Overbook</source>
        <translation>超额预约(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Keep it where it is</source>
        <translation>保持原预约(&amp;K)</translation>
    </message>
    <message>
        <source>Say why the booking goes beyond what the workshop can take</source>
        <translation>请说明为何超出车间可接的工作量</translation>
    </message>
</context>
<context>
    <name>PackagesDialog</name>
    <message>
        <source>Service packages</source>
        <translation>保养套餐</translation>
    </message>
    <message>
        <source>&amp;New package</source>
        <translation>新建套餐(&amp;N)</translation>
    </message>
    <message>
        <source>Start a new package (Ctrl+N)</source>
        <translation>新建一个套餐 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Offered at reception</source>
        <translation>接车时可选</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>代码(&amp;C)</translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation>名称(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Price</source>
        <translation>价格(&amp;P)</translation>
    </message>
    <message>
        <source>Labour</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Operation or part number</source>
        <translation>工时项目或配件号</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Model family</source>
        <translation>车系</translation>
    </message>
    <message>
        <source>VIN from</source>
        <translation>VIN 起</translation>
    </message>
    <message>
        <source>VIN to</source>
        <translation>VIN 止</translation>
    </message>
    <message>
        <source>Operations and parts kit</source>
        <translation>工时项目与配件包</translation>
    </message>
    <message>
        <source>Hours empty: the operation&apos;s standard hours. Priced when applied: labour at the job&apos;s rate, parts at their retail price.</source>
        <translation>工时留空：使用标准工时。套用时计价：工时按作业的工时单价，配件按零售价。</translation>
    </message>
    <message>
        <source>Valid for (none: every vehicle)</source>
        <translation>适用范围（留空：所有车辆）</translation>
    </message>
    <message>
        <source>No single catalogue part has this number</source>
        <translation>目录中没有唯一对应此编号的配件</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
</context>
<context>
    <name>PartDialog</name>
    <message>
        <source>Edit part</source>
        <translation>编辑配件</translation>
    </message>
    <message>
        <source>New part</source>
        <translation>新建配件</translation>
    </message>
    <message>
        <source>&amp;Brand</source>
        <translation>品牌(&amp;B)</translation>
    </message>
    <message>
        <source>Part &amp;number</source>
        <translation>零件号(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>描述(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>类别(&amp;C)</translation>
    </message>
    <message>
        <source>B&amp;in</source>
        <translation>库位(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>单位(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Retail price</source>
        <translation>零售价(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Trade price</source>
        <translation>批发价(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;List cost</source>
        <translation>目录成本(&amp;L)</translation>
    </message>
    <message>
        <source>Set by the reorder &amp;rule from demand</source>
        <translation>按补货规则根据需求自动设定(&amp;R)</translation>
    </message>
    <message>
        <source>Stock levels</source>
        <translation>库存上下限</translation>
    </message>
    <message>
        <source>M&amp;inimum</source>
        <translation>最低库存(&amp;I)</translation>
    </message>
    <message>
        <source>Ma&amp;ximum</source>
        <translation>最高库存(&amp;X)</translation>
    </message>
    <message>
        <source>The reorder rule sets this from the part&apos;s demand; untick the box above to set it yourself</source>
        <translation>补货规则根据该配件的需求设定此值；取消勾选上方选项即可自行设定</translation>
    </message>
</context>
<context>
    <name>PartsLabels</name>
    <message>
        <source>pcs</source>
        <translation>件</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>收货</translation>
    </message>
    <message>
        <source>Issue to job</source>
        <translation>领料出库</translation>
    </message>
    <message>
        <source>Return from job</source>
        <translation>工单退料</translation>
    </message>
    <message>
        <source>Counter sale</source>
        <translation>柜台销售</translation>
    </message>
    <message>
        <source>Customer return</source>
        <translation>客户退货</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>库存调整</translation>
    </message>
    <message>
        <source>Count variance</source>
        <translation>盘点差异</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>调拨</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Partly received</source>
        <translation>部分收货</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收货</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Counting</source>
        <translation>盘点中</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>已过账</translation>
    </message>
    <message>
        <source>%1 (suggested %2)</source>
        <translation>%1（建议 %2）</translation>
    </message>
    <message>
        <source>(suggested %1 / %2)</source>
        <translation>（建议 %1 / %2）</translation>
    </message>
</context>
<context>
    <name>PartsScreen</name>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Part number</source>
        <translation>零件号</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>在库</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>预留</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>最高库存</translation>
    </message>
    <message>
        <source>Retail price</source>
        <translation>零售价</translation>
    </message>
    <message>
        <source>Average cost</source>
        <translation>平均成本</translation>
    </message>
    <message>
        <source>parts</source>
        <translation>个配件</translation>
    </message>
    <message>
        <source>No parts yet. Press Ctrl+N to add the first one.</source>
        <translation>还没有配件。按 Ctrl+N 添加第一个。</translation>
    </message>
    <message>
        <source>Below minimum</source>
        <translation>低于最低库存</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>有库存</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>&amp;New part</source>
        <translation>新建配件(&amp;N)</translation>
    </message>
    <message>
        <source>Add a part to the catalogue (Ctrl+N)</source>
        <translation>向配件目录添加配件 (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Edit part</source>
        <translation>编辑配件(&amp;E)</translation>
    </message>
    <message>
        <source>Change the selected part (F2)</source>
        <translation>修改所选配件 (F2)</translation>
    </message>
    <message>
        <source>&amp;Adjust stock…</source>
        <translation>调整库存(&amp;A)…</translation>
    </message>
    <message>
        <source>Correct the stock of the selected part</source>
        <translation>更正所选配件的库存</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import a catalogue, a price list or count figures from Excel or CSV</source>
        <translation>从 Excel 或 CSV 导入配件目录、价格表或盘点数量</translation>
    </message>
    <message>
        <source>Counter &amp;sale…</source>
        <translation>柜台销售(&amp;S)…</translation>
    </message>
    <message>
        <source>Sell parts over the counter: a counter-sale invoice that takes them out of stock when posted (Ctrl+Shift+S)</source>
        <translation>柜台销售配件：开具柜台销售发票，过账时出库（Ctrl+Shift+S）</translation>
    </message>
    <message>
        <source>Superseded: %1 → %2</source>
        <translation>已替代：%1 → %2</translation>
    </message>
    <message>
        <source>Minimum / maximum</source>
        <translation>最低 / 最高库存</translation>
    </message>
    <message>
        <source>Levels set</source>
        <translation>库存上下限设定方式</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>手工设定</translation>
    </message>
    <message>
        <source>by the reorder rule, from demand</source>
        <translation>按补货规则，根据需求计算</translation>
    </message>
    <message>
        <source>Trade price</source>
        <translation>批发价</translation>
    </message>
    <message>
        <source>List cost</source>
        <translation>目录成本</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Last movement</source>
        <translation>最近变动</translation>
    </message>
    <message>
        <source>Demand, last 12 months</source>
        <translation>近 12 个月需求</translation>
    </message>
    <message>
        <source>No demand in the last 12 months.</source>
        <translation>近 12 个月无需求。</translation>
    </message>
    <message>
        <source>Latest movements</source>
        <translation>最近库存变动</translation>
    </message>
    <message>
        <source>No stock movements yet.</source>
        <translation>还没有库存变动。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考号</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Take payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>Only a posted invoice can be paid; post the draft first</source>
        <translation>只有已过账的发票才能收款；请先过账草稿</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Add &amp;method</source>
        <translation>添加付款方式(&amp;M)</translation>
    </message>
    <message>
        <source>Split the payment over several methods</source>
        <translation>将本次收款分为多种付款方式</translation>
    </message>
    <message>
        <source>Allocate to open invoices</source>
        <translation>核销未结发票</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>开具日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Allocate</source>
        <translation>核销金额</translation>
    </message>
    <message>
        <source>This customer has no open invoices: the payment can only be held as credit or as a deposit.</source>
        <translation>该客户没有未结发票：本次收款只能作为客户余额或定金保留。</translation>
    </message>
    <message>
        <source>&amp;Hold the excess as credit</source>
        <translation>多收部分转为客户余额(&amp;H)</translation>
    </message>
    <message>
        <source>Order reference, for a deposit held against an order</source>
        <translation>订单号（针对订单收取定金时填写）</translation>
    </message>
    <message>
        <source>Deposit &amp;for</source>
        <translation>定金对应订单(&amp;F)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Take payment</source>
        <translation>确认收款(&amp;T)</translation>
    </message>
    <message>
        <source>Record the payment (Enter)</source>
        <translation>记录收款（Enter）</translation>
    </message>
    <message>
        <source>Print a &amp;receipt</source>
        <translation>打印收据(&amp;R)</translation>
    </message>
    <message>
        <source>Credit held: %1</source>
        <translation>客户余额：%1</translation>
    </message>
    <message>
        <source>Reference: card slip, transfer or voucher number</source>
        <translation>参考号：刷卡凭条、转账或代金券编号</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>An amount cannot be read.</source>
        <translation>有金额无法识别。</translation>
    </message>
    <message>
        <source>Received %1</source>
        <translation>收款 %1</translation>
    </message>
    <message>
        <source>allocated %1</source>
        <translation>核销 %1</translation>
    </message>
    <message>
        <source>%1 held as credit</source>
        <translation>%1 转为客户余额</translation>
    </message>
    <message>
        <source>%1 not allocated</source>
        <translation>%1 未核销</translation>
    </message>
    <message>
        <source>Choose the customer who pays</source>
        <translation>请选择付款客户</translation>
    </message>
</context>
<context>
    <name>PaymentMethodsDialog</name>
    <message>
        <source>Payment methods</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>已使用</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Add own method</source>
        <translation>添加自定义方式(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>Only a method of your own that no payment uses can be removed; switch the others off instead</source>
        <translation>只能删除未被任何付款使用的自定义方式；其他方式请停用</translation>
    </message>
    <message>
        <source>The payment dialog offers the methods switched on, in this order. Type over a method of your own to rename it.</source>
        <translation>收款窗口按此顺序列出已启用的方式。直接改写自定义方式的名称即可重命名。</translation>
    </message>
    <message>
        <source>New method</source>
        <translation>新付款方式</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
</context>
<context>
    <name>PayoutDialog</name>
    <message>
        <source>Record insurer payout</source>
        <translation>登记保险赔付</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>登记(&amp;R)</translation>
    </message>
    <message>
        <source>Insurer owes</source>
        <translation>保险公司应付</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <source>Take the money itself at the cash desk as an insurance payout.</source>
        <translation>款项本身请在收银台以“保险赔付”方式收取。</translation>
    </message>
</context>
<context>
    <name>PoliciesPane</name>
    <message>
        <source>Ends</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Insurer</source>
        <translation>保险公司</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>险种</translation>
    </message>
    <message>
        <source>Policy number</source>
        <translation>保单号</translation>
    </message>
    <message>
        <source>Premium</source>
        <translation>保费</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>佣金</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>起保</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>销售单</translation>
    </message>
    <message>
        <source>Renewed</source>
        <translation>已续保</translation>
    </message>
    <message>
        <source>renewals due</source>
        <translation>续保提醒</translation>
    </message>
    <message>
        <source>No renewals due: no policy ends in the next 30 days without a renewal.</source>
        <translation>没有续保提醒：30 天内没有未续保的到期保单。</translation>
    </message>
    <message>
        <source>insurance policies</source>
        <translation>保险保单</translation>
    </message>
    <message>
        <source>No insurance policies yet. Press Ctrl+N to record one.</source>
        <translation>还没有保险保单。按 Ctrl+N 登记一份。</translation>
    </message>
    <message>
        <source>Renewals due</source>
        <translation>续保提醒</translation>
    </message>
    <message>
        <source>Insurance policies</source>
        <translation>保险保单</translation>
    </message>
    <message>
        <source>&amp;New policy</source>
        <translation>新建保单(&amp;N)</translation>
    </message>
    <message>
        <source>Record an insurance policy (Ctrl+N)</source>
        <translation>登记保险保单 (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Renew…</source>
        <translation>续保(&amp;R)…</translation>
    </message>
    <message>
        <source>Record the policy that renews the selected one (Ctrl+R)</source>
        <translation>登记续保所选保单的新保单 (Ctrl+R)</translation>
    </message>
    <message>
        <source>no number yet</source>
        <translation>暂无保单号</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>保险期间</translation>
    </message>
    <message>
        <source>Renewal reminder from</source>
        <translation>续保提醒起始</translation>
    </message>
    <message>
        <source>Renews</source>
        <translation>续保自</translation>
    </message>
    <message>
        <source>an earlier policy</source>
        <translation>之前的保单</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Renewed: the next policy is recorded.</source>
        <translation>已续保：下一年度保单已登记。</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <source>Renew insurance policy</source>
        <translation>续保</translation>
    </message>
    <message>
        <source>Edit insurance policy</source>
        <translation>编辑保险保单</translation>
    </message>
    <message>
        <source>New insurance policy</source>
        <translation>新建保险保单</translation>
    </message>
    <message>
        <source>C&amp;ustomer</source>
        <translation>客户(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Vehicle</source>
        <translation>车辆(&amp;V)</translation>
    </message>
    <message>
        <source>Optional: the deal it was sold with</source>
        <translation>可选：随车销售的销售单</translation>
    </message>
    <message>
        <source>&amp;Deal</source>
        <translation>销售单(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Insurer</source>
        <translation>保险公司(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>险种(&amp;T)</translation>
    </message>
    <message>
        <source>Policy &amp;number</source>
        <translation>保单号(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Premium</source>
        <translation>保费(&amp;P)</translation>
    </message>
    <message>
        <source>Co&amp;mmission</source>
        <translation>佣金(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Starts on</source>
        <translation>开始日期(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Ends on</source>
        <translation>结束日期(&amp;E)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Renews %1 (ends %2).</source>
        <translation>续保 %1（%2 到期）。</translation>
    </message>
    <message>
        <source>No single deal has this number</source>
        <translation>没有唯一匹配此单号的销售单</translation>
    </message>
</context>
<context>
    <name>PrepareDialog</name>
    <message>
        <source>Parts to prepare</source>
        <translation>备件清单</translation>
    </message>
    <message>
        <source>Part number</source>
        <translation>配件号</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>货位</translation>
    </message>
    <message>
        <source>Needed</source>
        <translation>需要</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>For</source>
        <translation>用于</translation>
    </message>
    <message>
        <source>No booking of this day is still to come: nothing to prepare.</source>
        <translation>当日没有待到店的预约：无需备料。</translation>
    </message>
    <message>
        <source>The bookings of this day need no parts from the catalogue. Give labour operations their parts kit on the Labour operations page.</source>
        <translation>当日预约无需目录中的配件。可在“工时项目”页为工时项目设置配件包。</translation>
    </message>
    <message>
        <source>Typed on the bookings:</source>
        <translation>预约中填写的配件：</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>%1 part(s), %2 short</source>
        <translation>共 %1 种配件，缺 %2 种</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Print %1</source>
        <translation>打印 %1</translation>
    </message>
    <message>
        <source>No printer is set up on this computer.</source>
        <translation>这台电脑没有设置打印机。</translation>
    </message>
    <message>
        <source>Printing needs the Qt PDF module, which is not installed.</source>
        <translation>打印需要 Qt PDF 模块，但尚未安装。</translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation>无法打印</translation>
    </message>
    <message>
        <source>Nothing was printed, and it does not count as printed.</source>
        <translation>没有打印任何内容，也不计为已打印。</translation>
    </message>
    <message>
        <source>Save it as a PDF instead, to print it on another computer or send it?</source>
        <translation>改为另存为 PDF，以便在其他电脑上打印或发送？</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing PDF</source>
        <translation>正在生成 PDF</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>PurchaseOrdersScreen</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>订购</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预计到货</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Back order</source>
        <translation>欠货</translation>
    </message>
    <message>
        <source>purchase orders</source>
        <translation>张采购订单</translation>
    </message>
    <message>
        <source>No purchase orders yet. Press Ctrl+N to write the first one.</source>
        <translation>还没有采购订单。按 Ctrl+N 新建第一张。</translation>
    </message>
    <message>
        <source>Purchase orders</source>
        <translation>采购订单</translation>
    </message>
    <message>
        <source>&amp;New order</source>
        <translation>新建订单(&amp;N)</translation>
    </message>
    <message>
        <source>Write a new purchase order (Ctrl+N)</source>
        <translation>新建采购订单 (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Edit draft</source>
        <translation>编辑草稿(&amp;E)</translation>
    </message>
    <message>
        <source>Change the selected draft order (F2)</source>
        <translation>修改所选订单草稿 (F2)</translation>
    </message>
    <message>
        <source>Re&amp;order suggestions…</source>
        <translation>补货建议(&amp;O)…</translation>
    </message>
    <message>
        <source>Parts below their minimum, and draft orders for them</source>
        <translation>低于最低库存的配件，并为其生成订单草稿</translation>
    </message>
    <message>
        <source>&amp;Send to supplier…</source>
        <translation>发送给供应商(&amp;S)…</translation>
    </message>
    <message>
        <source>Number a draft and mark it sent, and save the order as a PDF or Excel file for the supplier</source>
        <translation>为草稿编号并标记为已发送，并将订单保存为 PDF 或 Excel 文件发给供应商</translation>
    </message>
    <message>
        <source>&amp;Receive goods…</source>
        <translation>收货(&amp;R)…</translation>
    </message>
    <message>
        <source>Book a delivery against the order</source>
        <translation>按此订单登记到货</translation>
    </message>
    <message>
        <source>C&amp;lose order</source>
        <translation>关闭订单(&amp;L)</translation>
    </message>
    <message>
        <source>Close the order: what is still on back order is no longer expected</source>
        <translation>关闭订单：仍欠货的部分将不再等待到货</translation>
    </message>
    <message>
        <source>Draft order</source>
        <translation>订单草稿</translation>
    </message>
    <message>
        <source>Total cost</source>
        <translation>总成本</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收货</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Send to supplier</source>
        <translation>发送给供应商</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Writing the order</source>
        <translation>正在生成订单</translation>
    </message>
    <message>
        <source>Close order</source>
        <translation>关闭订单</translation>
    </message>
    <message>
        <source>Close %1? Whatever is still on back order will no longer be expected.</source>
        <translation>关闭 %1？仍欠货的部分将不再等待到货。</translation>
    </message>
</context>
<context>
    <name>RatesDialog</name>
    <message>
        <source>Labour rates</source>
        <translation>工时单价</translation>
    </message>
    <message>
        <source>Invoices of a pay type go to the repair order&apos;s customer unless a customer is chosen here (the maker for warranty, the dealership for internal work).</source>
        <translation>各付费类型的发票开给工单客户，除非在此选择客户（保修开给厂家，内部作业开给本店）。</translation>
    </message>
    <message>
        <source>The repair order&apos;s customer</source>
        <translation>工单客户</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>an hour, invoiced to</source>
        <translation>/小时，发票开给</translation>
    </message>
    <message>
        <source>Invoice to</source>
        <translation>发票开给</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reasons for time off jobs</source>
        <translation>非生产时间原因</translation>
    </message>
    <message>
        <source>New reason</source>
        <translation>新原因</translation>
    </message>
    <message>
        <source>e.g. road_test</source>
        <translation>例如：路试</translation>
    </message>
    <message>
        <source>&amp;Offered on the clock</source>
        <translation>在打卡屏上显示(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>代码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>描述(&amp;D)</translation>
    </message>
</context>
<context>
    <name>RebateDialog</name>
    <message>
        <source>Expect rebate</source>
        <translation>登记应收返利</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Manufacturer</source>
        <translation>厂商(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Campaign</source>
        <translation>活动(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Expected on</source>
        <translation>预计到账日(&amp;E)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Record rebate receipt</source>
        <translation>登记返利到账</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>登记(&amp;R)</translation>
    </message>
    <message>
        <source>Rebate</source>
        <translation>返利</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>未到账</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Received on</source>
        <translation>到账日期(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ReceivablesScreen</name>
    <message>
        <source>Receivables</source>
        <translation>应收账款</translation>
    </message>
    <message>
        <source>&amp;As of</source>
        <translation>截止日期(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Invoices</source>
        <translation>发票(&amp;I)</translation>
    </message>
    <message>
        <source>Show the selected customer&apos;s invoices (Enter)</source>
        <translation>显示所选客户的发票（Enter）</translation>
    </message>
    <message>
        <source>&amp;Statement PDF…</source>
        <translation>对账单 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the selected customer&apos;s statement as a PDF (Ctrl+Shift+S)</source>
        <translation>将所选客户的对账单另存为 PDF (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>&amp;Print statement…</source>
        <translation>打印对账单(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the selected customer&apos;s statement (Ctrl+P)</source>
        <translation>打印所选客户的对账单 (Ctrl+P)</translation>
    </message>
    <message>
        <source>Take &amp;payment…</source>
        <translation>收款(&amp;P)…</translation>
    </message>
    <message>
        <source>Take a payment from the selected customer (Ctrl+Shift+P)</source>
        <translation>向所选客户收款（Ctrl+Shift+P）</translation>
    </message>
    <message>
        <source>Re&amp;fund credit…</source>
        <translation>退还余额(&amp;F)…</translation>
    </message>
    <message>
        <source>Pay back credit the selected customer holds</source>
        <translation>退还所选客户持有的预收款余额</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>客户余额</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Find a customer… (Ctrl+F)</source>
        <translation>查找客户… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>开具日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Aging</source>
        <translation>账龄</translation>
    </message>
    <message>
        <source>Overdue invoices</source>
        <translation>逾期发票</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>1–30 days</source>
        <translation>1–30 天</translation>
    </message>
    <message>
        <source>31–60 days</source>
        <translation>31–60 天</translation>
    </message>
    <message>
        <source>61–90 days</source>
        <translation>61–90 天</translation>
    </message>
    <message>
        <source>Over 90 days</source>
        <translation>90 天以上</translation>
    </message>
    <message>
        <source>Nobody owes anything as of %1.</source>
        <translation>截至 %1 没有应收账款。</translation>
    </message>
    <message>
        <source>No invoice is overdue as of %1.</source>
        <translation>截至 %1 没有逾期发票。</translation>
    </message>
    <message>
        <source>Overdue invoices (%1)</source>
        <translation>逾期发票（%1）</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) owe %1, of which %2 is overdue.</source>
        <translation>
            <numerusform>%n 位客户共欠 %1，其中逾期 %2。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody owes anything.</source>
        <translation>没有任何欠款。</translation>
    </message>
    <message>
        <source>Customers hold %1 in credit; net %2.</source>
        <translation>客户持有预收款 %1；净额 %2。</translation>
    </message>
    <message>
        <source>No customer with an open balance matches your search.</source>
        <translation>没有符合搜索条件且有未收余额的客户。</translation>
    </message>
    <message>
        <source>Refund recorded.</source>
        <translation>退款已记录。</translation>
    </message>
    <message>
        <source>Statement of %1</source>
        <translation>%1 的对账单</translation>
    </message>
    <message>
        <source>Save statement</source>
        <translation>保存对账单</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Writing PDF</source>
        <translation>正在生成 PDF</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <source>Receive goods</source>
        <translation>收货</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订购</translation>
    </message>
    <message>
        <source>Supplier&apos;s &amp;delivery note</source>
        <translation>供应商送货单号(&amp;D)</translation>
    </message>
    <message>
        <source>Received &amp;on</source>
        <translation>收货日期(&amp;O)</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>订购</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>未到货</translation>
    </message>
    <message>
        <source>Received now</source>
        <translation>本次收货</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <source>Line cost</source>
        <translation>行成本</translation>
    </message>
    <message>
        <source>&amp;Receive</source>
        <translation>收货(&amp;R)</translation>
    </message>
    <message>
        <source>Enter what arrived; leave 0 on lines that did not come. What is not received stays on back order.</source>
        <translation>输入实际到货数量；未到货的行填 0。未收到的部分保留为欠货。</translation>
    </message>
    <message>
        <source>%1: %2 reserved for %3</source>
        <translation>%1：%2 已为 %3 预留</translation>
    </message>
    <message>
        <source>Stock reserved</source>
        <translation>库存已预留</translation>
    </message>
    <message>
        <source>Goods received for customers&apos; back orders are set aside:</source>
        <translation>为客户欠货收到的货物已预留：</translation>
    </message>
</context>
<context>
    <name>Reception</name>
    <message>
        <source>Not noted</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Empty (0/8)</source>
        <translation>空（0/8）</translation>
    </message>
    <message>
        <source>Full (8/8)</source>
        <translation>满（8/8）</translation>
    </message>
    <message>
        <source>Find the car first</source>
        <translation>请先找到车辆</translation>
    </message>
    <message>
        <source>Enter the mileage in km</source>
        <translation>请输入里程（公里）</translation>
    </message>
</context>
<context>
    <name>ReceptionScreen</name>
    <message>
        <source>Reception</source>
        <translation>接车</translation>
    </message>
    <message>
        <source>Plate or VIN (its last 6 characters are enough)</source>
        <translation>车牌或 VIN（输入后 6 位即可）</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>Type the plate or VIN of the arriving car and press Enter.</source>
        <translation>输入来店车辆的车牌或 VIN，然后按回车。</translation>
    </message>
    <message>
        <source>What the dealership knows about the car shows here.</source>
        <translation>这里显示本店掌握的该车信息。</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>接车登记</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>km on the odometer</source>
        <translation>里程表读数（公里）</translation>
    </message>
    <message>
        <source>&amp;Mileage</source>
        <translation>里程(&amp;M)</translation>
    </message>
    <message>
        <source>Why the lower mileage is right (e.g. instrument cluster replaced)</source>
        <translation>里程较低的原因（例如更换过仪表）</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>F&amp;uel</source>
        <translation>油量(&amp;U)</translation>
    </message>
    <message>
        <source>In the customer&apos;s own words</source>
        <translation>按客户原话记录</translation>
    </message>
    <message>
        <source>C&amp;oncerns</source>
        <translation>客户描述(&amp;O)</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Damage</source>
        <translation>损伤</translation>
    </message>
    <message>
        <source>&amp;Damage</source>
        <translation>车损(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Promised</source>
        <translation>预计交车(&amp;P)</translation>
    </message>
    <message>
        <source>Price &amp;estimate</source>
        <translation>预估费用(&amp;E)</translation>
    </message>
    <message>
        <source>Check &amp;in</source>
        <translation>接车(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Print sheet</source>
        <translation>打印接车单(&amp;P)</translation>
    </message>
    <message>
        <source>Add c&amp;ampaigns</source>
        <translation>加入活动(&amp;A)</translation>
    </message>
    <message>
        <source>O&amp;ffer declined work</source>
        <translation>再次推荐未做项目(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Health check…</source>
        <translation>健康检查(&amp;H)…</translation>
    </message>
    <message>
        <source>No vehicle has that plate or VIN. Record it in Vehicles first.</source>
        <translation>没有该车牌或 VIN 的车辆。请先在“车辆”中登记。</translation>
    </message>
    <message>
        <source>%1 vehicles match: choose one and press Enter.</source>
        <translation>有 %1 辆车符合：请选择一辆并按回车。</translation>
    </message>
    <message>
        <source>No owner recorded: set it in Vehicles first</source>
        <translation>未登记车主：请先在“车辆”中设置</translation>
    </message>
    <message>
        <source>VIN</source>
        <translation>VIN</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>车主</translation>
    </message>
    <message>
        <source>Last mileage</source>
        <translation>上次里程</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 公里</translation>
    </message>
    <message>
        <source>Open campaigns and recalls</source>
        <translation>待执行的召回和服务活动</translation>
    </message>
    <message>
        <source>None for this VIN.</source>
        <translation>该 VIN 没有。</translation>
    </message>
    <message>
        <source>Declined last time</source>
        <translation>上次客户拒绝的项目</translation>
    </message>
    <message>
        <source>Nothing declined.</source>
        <translation>没有拒绝的项目。</translation>
    </message>
    <message>
        <source>Comeback: back within %1 days of repair order %2 (completed %3).</source>
        <translation>返修：在工单 %2（%3 完工）后 %1 天内再次进厂。</translation>
    </message>
    <message>
        <source>Repair orders still open: %1</source>
        <translation>尚未结算的工单：%1</translation>
    </message>
    <message>
        <source>Service due</source>
        <translation>保养到期</translation>
    </message>
    <message>
        <source>No handover has set a next service yet.</source>
        <translation>尚无交车记录设定下次保养。</translation>
    </message>
    <message>
        <source>Next service by %1 or at %2 km (set by %3)</source>
        <translation>下次保养：%1 前或 %2 公里（由 %3 设定）</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已超期</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>接车</translation>
    </message>
    <message>
        <source>This car already has an open repair order (%1). Open another one for this visit?</source>
        <translation>这辆车已有未结算的维修工单（%1）。要为这次进厂另开一张工单吗？</translation>
    </message>
    <message>
        <source>Repair order %1 opened.</source>
        <translation>已开立工单 %1。</translation>
    </message>
    <message>
        <source>%1 campaign jobs added to %2.</source>
        <translation>已在 %2 中加入 %1 个活动作业。</translation>
    </message>
    <message>
        <source>%1 declined estimates offered again on %2.</source>
        <translation>已在 %2 中再次推荐 %1 项未做项目。</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Refund to %1</source>
        <translation>退款给 %1</translation>
    </message>
    <message>
        <source>Nothing of this payment is left to refund: it is allocated to invoices or refunded already</source>
        <translation>这笔收款已无可退金额：已核销到发票或已退款</translation>
    </message>
    <message>
        <source>Credit held by the customer</source>
        <translation>客户持有的预收款余额</translation>
    </message>
    <message>
        <source>Payment of %1 · %2 · %3 left</source>
        <translation>%1 的收款 · %2 · 剩余 %3</translation>
    </message>
    <message>
        <source>Why the money goes back, for the receipt and the audit trail</source>
        <translation>退款原因，将打印在单据上并记入审计记录</translation>
    </message>
    <message>
        <source>Refund &amp;of</source>
        <translation>退款来源(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <source>Paid &amp;by</source>
        <translation>退款方式(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Refund</source>
        <translation>退款(&amp;R)</translation>
    </message>
    <message>
        <source>Record the refund (Enter)</source>
        <translation>记录退款（回车）</translation>
    </message>
    <message>
        <source>Up to %1 can be refunded on %2.</source>
        <translation>%2 最多可退 %1。</translation>
    </message>
    <message>
        <source>Paid out of the cash drawer: the cash expected at the day&apos;s close falls by this amount.</source>
        <translation>从钱箱付出：日结时的应有现金相应减少。</translation>
    </message>
    <message>
        <source>Paid back through the method chosen; the cash drawer is not touched.</source>
        <translation>通过所选方式退还，不动用钱箱现金。</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <source>Reject claim</source>
        <translation>拒赔</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>拒赔(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
</context>
<context>
    <name>RepairOrderEditor</name>
    <message>
        <source>Enter the hours</source>
        <translation>请输入工时</translation>
    </message>
    <message>
        <source>Enter the hours as a number with at most two decimals, e.g. 1.25</source>
        <translation>工时请输入最多两位小数的数字，例如 1.25</translation>
    </message>
    <message>
        <source>New repair order</source>
        <translation>新建维修工单</translation>
    </message>
    <message>
        <source>No vehicle chosen</source>
        <translation>未选择车辆</translation>
    </message>
    <message>
        <source>Choose &amp;vehicle…</source>
        <translation>选择车辆(&amp;V)…</translation>
    </message>
    <message>
        <source>Find the vehicle by VIN, plate or owner (F6)</source>
        <translation>按 VIN、车牌或车主查找车辆 (F6)</translation>
    </message>
    <message>
        <source>km</source>
        <translation>公里</translation>
    </message>
    <message>
        <source>Why the mileage is lower than the last one (only if it is)</source>
        <translation>里程低于上次记录的原因（仅在低于时填写）</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设定</translation>
    </message>
    <message>
        <source>The customer&apos;s concerns, in their words</source>
        <translation>客户描述的故障（用客户原话）</translation>
    </message>
    <message>
        <source>No insurer (insurance work only)</source>
        <translation>无保险公司（仅保险维修需要）</translation>
    </message>
    <message>
        <source>Insurer…</source>
        <translation>保险公司…</translation>
    </message>
    <message>
        <source>Choose the insurer billed for insurance jobs</source>
        <translation>选择为保险维修付款的保险公司</translation>
    </message>
    <message>
        <source>No insurer</source>
        <translation>无保险公司</translation>
    </message>
    <message>
        <source>The excess the customer pays of the insurance work; the insurer is billed the rest</source>
        <translation>保险维修中客户自付的金额，其余部分向保险公司开票</translation>
    </message>
    <message>
        <source>Insurer&apos;s claim no.</source>
        <translation>保险理赔号</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Mileage in</source>
        <translation>进厂里程(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Promised</source>
        <translation>承诺交车(&amp;P)</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Lower mileage</source>
        <translation>里程偏低</translation>
    </message>
    <message>
        <source>A&amp;dvisor</source>
        <translation>服务顾问(&amp;D)</translation>
    </message>
    <message>
        <source>C&amp;oncerns</source>
        <translation>故障描述(&amp;O)</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>保险</translation>
    </message>
    <message>
        <source>Excess</source>
        <translation>自付额</translation>
    </message>
    <message>
        <source>Mov&amp;e</source>
        <translation>变更(&amp;E)</translation>
    </message>
    <message>
        <source>Move the repair order to the chosen status (Ctrl+M)</source>
        <translation>将工单变更为所选状态 (Ctrl+M)</translation>
    </message>
    <message>
        <source>&amp;Invoice</source>
        <translation>结算开票(&amp;I)</translation>
    </message>
    <message>
        <source>Close the completed repair order into posted invoices, one per pay type (Ctrl+I)</source>
        <translation>将已完工的工单结算为已过账发票，每种付费方式一张 (Ctrl+I)</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>变更为</translation>
    </message>
    <message>
        <source>Add &amp;job</source>
        <translation>添加作业(&amp;J)</translation>
    </message>
    <message>
        <source>Add a job (Ctrl+J)</source>
        <translation>添加作业 (Ctrl+J)</translation>
    </message>
    <message>
        <source>Edit jo&amp;b</source>
        <translation>编辑作业(&amp;B)</translation>
    </message>
    <message>
        <source>Change the job&apos;s description and pay type (F2)</source>
        <translation>修改作业描述和付费方式 (F2)</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <source>Qty / hours</source>
        <translation>数量/工时</translation>
    </message>
    <message>
        <source>Reserved / issued / returned</source>
        <translation>预留/发料/退料</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>套餐</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>&amp;Labour…</source>
        <translation>工时(&amp;L)…</translation>
    </message>
    <message>
        <source>Sell hours of a catalogue operation (Ctrl+L)</source>
        <translation>按工时目录项目收取工时 (Ctrl+L)</translation>
    </message>
    <message>
        <source>&amp;Part…</source>
        <translation>配件(&amp;P)…</translation>
    </message>
    <message>
        <source>Put a part on the job (Ctrl+P)</source>
        <translation>为作业添加配件 (Ctrl+P)</translation>
    </message>
    <message>
        <source>S&amp;ublet…</source>
        <translation>外包(&amp;U)…</translation>
    </message>
    <message>
        <source>Add sublet work or consumables (Ctrl+U)</source>
        <translation>添加外包作业或辅料 (Ctrl+U)</translation>
    </message>
    <message>
        <source>Pac&amp;kage…</source>
        <translation>套餐(&amp;K)…</translation>
    </message>
    <message>
        <source>Apply a service package at its fixed price (Ctrl+K)</source>
        <translation>按固定价格套用保养套餐 (Ctrl+K)</translation>
    </message>
    <message>
        <source>&amp;Warranty…</source>
        <translation>索赔(&amp;W)…</translation>
    </message>
    <message>
        <source>The warranty claim&apos;s data: condition, cause, correction, failed part (Ctrl+W)</source>
        <translation>保修索赔资料：故障现象、原因、处理措施、故障件 (Ctrl+W)</translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation>预留</translation>
    </message>
    <message>
        <source>Set the part aside in stock for this repair order</source>
        <translation>为本工单预留库存配件</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>发料</translation>
    </message>
    <message>
        <source>Issue the part from stock to the job</source>
        <translation>从库存向作业发料</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退料</translation>
    </message>
    <message>
        <source>Bring unused parts back into stock</source>
        <translation>将未用配件退回库存</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>取消预留</translation>
    </message>
    <message>
        <source>Give back a reservation no longer needed</source>
        <translation>释放不再需要的预留</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除行</translation>
    </message>
    <message>
        <source>Remove the selected line (Delete)</source>
        <translation>删除所选行 (Delete)</translation>
    </message>
    <message>
        <source>Work and parts</source>
        <translation>工时与配件</translation>
    </message>
    <message>
        <source>Save the reception data (Enter)</source>
        <translation>保存接车资料 (Enter)</translation>
    </message>
    <message>
        <source>Enter saves the reception data · Ctrl+J job · Ctrl+L labour · Ctrl+P part · Ctrl+U sublet · Ctrl+K package · Ctrl+M status · Ctrl+I invoice · Esc closes</source>
        <translation>Enter 保存接车资料 · Ctrl+J 作业 · Ctrl+L 工时 · Ctrl+P 配件 · Ctrl+U 外包 · Ctrl+K 套餐 · Ctrl+M 状态 · Ctrl+I 结算 · Esc 关闭</translation>
    </message>
    <message>
        <source>Repair order %1</source>
        <translation>维修工单 %1</translation>
    </message>
    <message>
        <source>no pay type</source>
        <translation>无付费方式</translation>
    </message>
    <message>
        <source>Add a job to start (Ctrl+J)</source>
        <translation>请先添加作业 (Ctrl+J)</translation>
    </message>
    <message>
        <source>no pay type yet</source>
        <translation>尚无付费方式</translation>
    </message>
    <message>
        <source>Job %1: %2 · %3</source>
        <translation>作业 %1：%2 · %3</translation>
    </message>
    <message>
        <source>package %1</source>
        <translation>套餐 %1</translation>
    </message>
    <message>
        <source>warranty: %1</source>
        <translation>索赔：%1</translation>
    </message>
    <message>
        <source>warranty claim data missing (Ctrl+W)</source>
        <translation>缺少索赔资料 (Ctrl+W)</translation>
    </message>
    <message>
        <source>Labour</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Sublet</source>
        <translation>外包</translation>
    </message>
    <message>
        <source>Consumable</source>
        <translation>辅料</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>Total %1</source>
        <translation>合计 %1</translation>
    </message>
    <message>
        <source>Invoiced: %1</source>
        <translation>已开票：%1</translation>
    </message>
    <message>
        <source>Choose the vehicle</source>
        <translation>选择车辆</translation>
    </message>
    <message>
        <source>Choose the insurer</source>
        <translation>选择保险公司</translation>
    </message>
    <message>
        <source>Enter the mileage as a whole number of km</source>
        <translation>里程请输入整数公里数</translation>
    </message>
    <message>
        <source>Complete repair order</source>
        <translation>完工</translation>
    </message>
    <message>
        <source>These parts were planned but not all issued; what was not issued will not be invoiced:

%1

Complete the repair order anyway?</source>
        <translation>以下配件已计划但未全部发出，未发出的部分不会开票：

%1

仍要完工吗？</translation>
    </message>
    <message>
        <source>The health check of this repair order has %1 point(s) nobody rated. Complete the repair order anyway?</source>
        <translation>此工单的健康检查还有 %1 个项目未评定。仍要完工吗？</translation>
    </message>
    <message>
        <source>Invoicing a repair order needs the right to close repair orders into invoices (the cashier&apos;s); ask them.</source>
        <translation>结算维修工单需要“将维修工单结算为发票”的权限（收银员）；请联系收银员。</translation>
    </message>
    <message>
        <source>Invoice repair order</source>
        <translation>工单结算</translation>
    </message>
    <message>
        <source>Invoice repair order %1 now? One posted invoice is made for each pay type, and the repair order can no longer change.</source>
        <translation>现在结算工单 %1 吗？每种付费方式生成一张已过账发票，工单之后不能再修改。</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>描述(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Pay type</source>
        <translation>付费方式(&amp;P)</translation>
    </message>
    <message>
        <source>not chosen yet</source>
        <translation>尚未选择</translation>
    </message>
    <message>
        <source>Add a job</source>
        <translation>添加作业</translation>
    </message>
    <message>
        <source>Edit job %1</source>
        <translation>编辑作业 %1</translation>
    </message>
    <message>
        <source>Labour on job %1</source>
        <translation>作业 %1 的工时</translation>
    </message>
    <message>
        <source>&amp;Operation</source>
        <translation>工时项目(&amp;O)</translation>
    </message>
    <message>
        <source>Catalogue code, e.g. OIL-SVC (empty: free text)</source>
        <translation>工时目录代码（留空：自由填写）</translation>
    </message>
    <message>
        <source>Empty: the operation&apos;s description</source>
        <translation>留空：使用项目描述</translation>
    </message>
    <message>
        <source>&amp;Hours sold</source>
        <translation>收费工时(&amp;H)</translation>
    </message>
    <message>
        <source>Empty: the operation&apos;s standard hours</source>
        <translation>留空：使用标准工时</translation>
    </message>
    <message>
        <source>&amp;Technician</source>
        <translation>技师(&amp;T)</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Part for job %1</source>
        <translation>作业 %1 的配件</translation>
    </message>
    <message>
        <source>Part &amp;number</source>
        <translation>配件号(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>数量(&amp;Q)</translation>
    </message>
    <message>
        <source>Unit &amp;price</source>
        <translation>单价(&amp;P)</translation>
    </message>
    <message>
        <source>Empty: the part&apos;s retail price</source>
        <translation>留空：使用配件零售价</translation>
    </message>
    <message>
        <source>No single catalogue part has this number</source>
        <translation>目录中没有唯一对应此编号的配件</translation>
    </message>
    <message>
        <source>Sublet or consumables for job %1</source>
        <translation>作业 %1 的外包或辅料</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类别(&amp;K)</translation>
    </message>
    <message>
        <source>Unit c&amp;ost</source>
        <translation>单位成本(&amp;O)</translation>
    </message>
    <message>
        <source>Service package for job %1</source>
        <translation>作业 %1 的保养套餐</translation>
    </message>
    <message>
        <source>&amp;Package</source>
        <translation>套餐(&amp;P)</translation>
    </message>
    <message>
        <source>No package is valid for this vehicle.</source>
        <translation>没有适用于此车辆的套餐。</translation>
    </message>
    <message>
        <source>The package&apos;s operations and parts are added at their itemised prices, and the difference to the package price is kept on the job, so the job comes to the package price.</source>
        <translation>套餐的工时和配件按分项价格加入，与套餐价的差额记在作业上，因此作业金额等于套餐价。</translation>
    </message>
    <message>
        <source>Warranty claim of job %1</source>
        <translation>作业 %1 的保修索赔</translation>
    </message>
    <message>
        <source>Claim &amp;number</source>
        <translation>索赔单号(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Failed on</source>
        <translation>故障日期(&amp;F)</translation>
    </message>
    <message>
        <source>Failed &amp;part</source>
        <translation>故障件(&amp;P)</translation>
    </message>
    <message>
        <source>Part n&amp;umber</source>
        <translation>配件号(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Condition</source>
        <translation>故障现象(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;ause</source>
        <translation>故障原因(&amp;A)</translation>
    </message>
    <message>
        <source>Co&amp;rrection</source>
        <translation>处理措施(&amp;R)</translation>
    </message>
</context>
<context>
    <name>RepairOrdersScreen</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开单日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>服务顾问</translation>
    </message>
    <message>
        <source>Mileage in</source>
        <translation>进厂里程</translation>
    </message>
    <message>
        <source>Promised</source>
        <translation>承诺交车</translation>
    </message>
    <message>
        <source>VIN</source>
        <translation>VIN</translation>
    </message>
    <message>
        <source>repair orders</source>
        <translation>张维修工单</translation>
    </message>
    <message>
        <source>No repair orders yet.</source>
        <translation>还没有维修工单。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Repair orders</source>
        <translation>维修工单</translation>
    </message>
    <message>
        <source>&amp;Invoice</source>
        <translation>结算开票(&amp;I)</translation>
    </message>
    <message>
        <source>Close the completed repair order into posted invoices, one per pay type</source>
        <translation>将已完工的工单结算为已过账发票，每种付费方式一张</translation>
    </message>
    <message>
        <source>Pac&amp;kages…</source>
        <translation>保养套餐(&amp;K)…</translation>
    </message>
    <message>
        <source>Service packages at fixed prices</source>
        <translation>固定价格的保养套餐</translation>
    </message>
    <message>
        <source>Check te&amp;mplates…</source>
        <translation>检查模板(&amp;M)…</translation>
    </message>
    <message>
        <source>Health-check templates: the points a check goes through</source>
        <translation>健康检查模板：每次检查要逐项检查的项目</translation>
    </message>
    <message>
        <source>Hand &amp;over…</source>
        <translation>交车(&amp;O)…</translation>
    </message>
    <message>
        <source>Hand the car back: mileage out and next service due (Ctrl+Shift+O)</source>
        <translation>交车：记录交车里程和下次保养 (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>&amp;Health check…</source>
        <translation>健康检查(&amp;H)…</translation>
    </message>
    <message>
        <source>Es&amp;timates…</source>
        <translation>报价(&amp;T)…</translation>
    </message>
    <message>
        <source>Invoice repair order</source>
        <translation>工单结算</translation>
    </message>
    <message>
        <source>Invoice repair order %1 now? One posted invoice is made for each pay type, and the repair order can no longer change.</source>
        <translation>现在结算工单 %1 吗？每种付费方式生成一张已过账发票，工单之后不能再修改。</translation>
    </message>
    <message>
        <source>Repair order %1 is invoiced: %2</source>
        <translation>维修工单 %1 已结算：%2</translation>
    </message>
    <message>
        <source>Repair order %1</source>
        <translation>维修工单 %1</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 公里</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>完工日期</translation>
    </message>
    <message>
        <source>Invoiced</source>
        <translation>结算日期</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>交车日期</translation>
    </message>
    <message>
        <source>Mileage out</source>
        <translation>交车里程</translation>
    </message>
    <message>
        <source>Next service due</source>
        <translation>下次保养</translation>
    </message>
    <message>
        <source>%1 or %2 km</source>
        <translation>%1 或 %2 km</translation>
    </message>
    <message>
        <source>Customer&apos;s concerns</source>
        <translation>客户描述</translation>
    </message>
    <message>
        <source>Insurer</source>
        <translation>保险公司</translation>
    </message>
    <message>
        <source>Customer&apos;s excess</source>
        <translation>客户自付额</translation>
    </message>
    <message>
        <source>Job %1: %2</source>
        <translation>作业 %1：%2</translation>
    </message>
    <message>
        <source>No pay type yet</source>
        <translation>尚未选择付费类型</translation>
    </message>
    <message>
        <source>Service package %1</source>
        <translation>保养套餐 %1</translation>
    </message>
    <message>
        <source>Claim number</source>
        <translation>索赔单号</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>故障现象</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>故障原因</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>处理措施</translation>
    </message>
    <message>
        <source>Failed part</source>
        <translation>故障件</translation>
    </message>
    <message>
        <source>Failed on</source>
        <translation>故障日期</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 issued</source>
        <translation>已发 %1</translation>
    </message>
    <message>
        <source>%1 reserved</source>
        <translation>预留 %1</translation>
    </message>
    <message>
        <source>Work and parts</source>
        <translation>作业与配件</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Nothing on this job yet.</source>
        <translation>此作业还没有内容。</translation>
    </message>
    <message>
        <source>No jobs yet.</source>
        <translation>还没有作业。</translation>
    </message>
</context>
<context>
    <name>ResourceDialog</name>
    <message>
        <source>Working hours</source>
        <translation>工作时间</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <source>Service advisor</source>
        <translation>服务顾问</translation>
    </message>
    <message>
        <source>Bay</source>
        <translation>工位</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>A user name, or the bay&apos;s own name</source>
        <translation>用户名，或工位名称</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Availability</source>
        <translation>可用比例(&amp;A)</translation>
    </message>
    <message>
        <source>Can be booked</source>
        <translation>可接受预约</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Works on</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>休息</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Backed up by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>每日备份</translation>
    </message>
    <message>
        <source>On closing</source>
        <translation>关闭时备份</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>升级前备份</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>恢复前备份</translation>
    </message>
    <message>
        <source>Chosen file</source>
        <translation>选择的文件</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Restoring replaces all the data of this database with the backup&apos;s: whatever was entered after the backup was made is no longer there. A safety backup of the current data is made first (kind &quot;Before a restore&quot;). Afterwards you log in again.</source>
        <translation>恢复会用备份中的数据替换本数据库的全部数据：备份之后录入的内容将不再存在。恢复前会先为当前数据做一份安全备份（类型为“恢复前备份”）。恢复后需要重新登录。</translation>
    </message>
    <message>
        <source>Backups in %1</source>
        <translation>%1 中的备份</translation>
    </message>
    <message>
        <source>&amp;Other file…</source>
        <translation>其他文件(&amp;O)…</translation>
    </message>
    <message>
        <source>Restore a backup kept somewhere else (a USB stick, another folder)</source>
        <translation>恢复保存在其他位置的备份（U 盘、其他文件夹）</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>No backups in %1 yet. Choose another file.</source>
        <translation>%1 中还没有备份。请选择其他文件。</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>选择备份</translation>
    </message>
    <message>
        <source>Forecourt backups (*.db);;All files (*)</source>
        <translation>Forecourt 备份 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>Nothing was restored.</source>
        <translation>未恢复任何内容。</translation>
    </message>
    <message>
        <source>This file cannot be restored, and nothing was changed:</source>
        <translation>此文件无法恢复，未做任何更改：</translation>
    </message>
    <message>
        <source>Replace all the data of %1 with the backup made %2?

Whatever was entered after that is no longer there. The current data is first kept as a safety backup in %3. Afterwards you log in again.</source>
        <translation>用 %2 的备份替换 %1 的全部数据吗？

此后录入的内容将不再存在。当前数据会先作为安全备份保存在 %3 中。恢复后需要重新登录。</translation>
    </message>
    <message>
        <source>Keeping a safety backup of the current data…</source>
        <translation>正在为当前数据做安全备份…</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <source>Recording the restore…</source>
        <translation>正在记录恢复操作…</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>Restoring a backup</source>
        <translation>正在恢复备份</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>Edit role</source>
        <translation>编辑角色</translation>
    </message>
    <message>
        <source>New role</source>
        <translation>新建角色</translation>
    </message>
    <message>
        <source>e.g. finance_clerk</source>
        <translation>例如 finance_clerk</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>代码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>C&amp;lear all</source>
        <translation>全部清除(&amp;L)</translation>
    </message>
    <message>
        <source>This role no longer exists.</source>
        <translation>该角色已不存在。</translation>
    </message>
</context>
<context>
    <name>RolesScreen</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户数</translation>
    </message>
    <message>
        <source>roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>No roles yet. Press Ctrl+N to add one.</source>
        <translation>还没有角色。按 Ctrl+N 添加。</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Delete a role of your own that no user has</source>
        <translation>删除没有用户使用的自定义角色</translation>
    </message>
    <message>
        <source>This role no longer exists.</source>
        <translation>该角色已不存在。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Added by you</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>This role may do nothing yet.</source>
        <translation>该角色暂无任何权限。</translation>
    </message>
    <message>
        <source>Delete role</source>
        <translation>删除角色</translation>
    </message>
    <message>
        <source>Delete the role “%1”?</source>
        <translation>删除角色“%1”？</translation>
    </message>
</context>
<context>
    <name>Sales</name>
    <message>
        <source>New</source>
        <translation>新线索</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>已联系</translation>
    </message>
    <message>
        <source>Test drive</source>
        <translation>试驾</translation>
    </message>
    <message>
        <source>Quotation</source>
        <translation>报价</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>战败</translation>
    </message>
    <message>
        <source>Lost — awaiting confirmation</source>
        <translation>战败 — 待确认</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>到店</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>来电</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>转介绍</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Bought elsewhere</source>
        <translation>已在别处购车</translation>
    </message>
    <message>
        <source>Chose another brand</source>
        <translation>选择了其他品牌</translation>
    </message>
    <message>
        <source>Finance refused</source>
        <translation>贷款未获批</translation>
    </message>
    <message>
        <source>No response</source>
        <translation>联系不上</translation>
    </message>
    <message>
        <source>Purchase postponed</source>
        <translation>推迟购车</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>SalesLabels</name>
    <message>
        <source>Quotation</source>
        <translation>报价</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>已下单</translation>
    </message>
    <message>
        <source>Invoiced</source>
        <translation>已开票</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已交车</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Within limits</source>
        <translation>权限内</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Sent back</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>选装</translation>
    </message>
    <message>
        <source>Accessory</source>
        <translation>精品附件</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Insurance premium</source>
        <translation>保险费</translation>
    </message>
    <message>
        <source>Invoice posted</source>
        <translation>发票已开具</translation>
    </message>
    <message>
        <source>Paid, or finance approved</source>
        <translation>已付清或贷款已批</translation>
    </message>
    <message>
        <source>PDI check</source>
        <translation>PDI 检查</translation>
    </message>
    <message>
        <source>Documents received</source>
        <translation>随车文件已收到</translation>
    </message>
    <message>
        <source>Trade-in taken in</source>
        <translation>置换车已入库</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>上牌</translation>
    </message>
    <message>
        <source>Keys handed over</source>
        <translation>钥匙已交付</translation>
    </message>
</context>
<context>
    <name>SalesTargetsScreen</name>
    <message>
        <source>Sales targets</source>
        <translation>销售目标</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>月份(&amp;M)</translation>
    </message>
    <message>
        <source>◀</source>
        <translation>◀</translation>
    </message>
    <message>
        <source>The month before (Alt+Left)</source>
        <translation>上个月 (Alt+←)</translation>
    </message>
    <message>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <source>The month after (Alt+Right)</source>
        <translation>下个月 (Alt+→)</translation>
    </message>
    <message>
        <source>Set &amp;targets…</source>
        <translation>设定目标(&amp;T)…</translation>
    </message>
    <message>
        <source>Each salesperson&apos;s units and gross profit for the month (Ctrl+T)</source>
        <translation>本月每位销售顾问的台数与毛利目标 (Ctrl+T)</translation>
    </message>
    <message>
        <source>&amp;Commission…</source>
        <translation>提成(&amp;C)…</translation>
    </message>
    <message>
        <source>How commission is earned: a share of gross profit and an amount a car</source>
        <translation>提成计算方式：毛利比例加每台金额</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>销售顾问</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>台数</translation>
    </message>
    <message>
        <source>Target units</source>
        <translation>目标台数</translation>
    </message>
    <message>
        <source>Units %</source>
        <translation>台数完成率</translation>
    </message>
    <message>
        <source>Gross profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Target gross</source>
        <translation>目标毛利</translation>
    </message>
    <message>
        <source>Gross %</source>
        <translation>毛利完成率</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>佣金</translation>
    </message>
    <message>
        <source>Deals count in the month they were delivered, with their gross profit. Commission: the rule&apos;s share of each deal&apos;s gross profit (none on a loss) plus its amount a car; a salesperson&apos;s own rule replaces the dealership&apos;s.</source>
        <translation>销售单按交车月份计入，含其毛利。提成：按规则比例计算每单毛利（亏损不计）加每台金额；销售顾问的个人规则优先于经销店规则。</translation>
    </message>
    <message>
        <source>Month: %1 cars · gross profit %2 · commission %3</source>
        <translation>本月：%1 台 · 毛利 %2 · 提成 %3</translation>
    </message>
</context>
<context>
    <name>SendBackDialog</name>
    <message>
        <source>Send the deal back</source>
        <translation>退回销售单</translation>
    </message>
    <message>
        <source>The salesperson sees your note on the deal and changes it.</source>
        <translation>销售顾问会在销售单上看到您的备注并修改。</translation>
    </message>
    <message>
        <source>Send &amp;back</source>
        <translation>退回(&amp;B)</translation>
    </message>
    <message>
        <source>Write the note the salesperson reads</source>
        <translation>请填写给销售顾问的备注</translation>
    </message>
    <message>
        <source>e.g. 4 % at most on this model</source>
        <translation>例如：此车型优惠最多 4%</translation>
    </message>
</context>
<context>
    <name>Service</name>
    <message>
        <source> (I, O and Q are never used in a VIN)</source>
        <translation>（VIN 中从不使用 I、O 和 Q）</translation>
    </message>
    <message>
        <source>&apos;{amount}&apos; has more than {currency} decimal places</source>
        <translation>“{amount}”的小数位数超过 {currency} 位</translation>
    </message>
    <message>
        <source>&apos;{amount}&apos; is not a number</source>
        <translation>“{amount}”不是数字</translation>
    </message>
    <message>
        <source>&apos;{code}&apos; is not a payment method</source>
        <translation>“{code}”不是付款方式</translation>
    </message>
    <message>
        <source>&apos;{email}&apos; is not an e-mail address</source>
        <translation>“{email}”不是电子邮件地址</translation>
    </message>
    <message>
        <source>&apos;{key}&apos; is not a mapping key; use {items}, item:&lt;type&gt;, tax:&lt;code&gt;, method:&lt;method&gt;, cost:&lt;type&gt; or stock:&lt;type&gt;</source>
        <translation>“{key}”不是映射键；请使用 {items}、item:&lt;type&gt;、tax:&lt;code&gt;、method:&lt;method&gt;、cost:&lt;type&gt; 或 stock:&lt;type&gt;</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a field of a {name2} import</source>
        <translation>“{name}”不是 {name2} 导入的字段</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; still owns vehicles; change their owner first</source>
        <translation>“{name}”名下仍有车辆；请先更改车辆的车主</translation>
    </message>
    <message>
        <source>&apos;{raw}&apos; arrived as a number in scientific notation, so Excel has already dropped digits. Format the column as Text in the spreadsheet and enter the number again.</source>
        <translation>“{raw}”以科学计数法的数字形式到达，Excel 已丢失数字。请在表格中将该列设为文本格式并重新输入号码。</translation>
    </message>
    <message>
        <source>&apos;{raw}&apos; contains {items}{hint}</source>
        <translation>“{raw}”包含 {items}{hint}</translation>
    </message>
    <message>
        <source>&apos;{raw}&apos; is not a phone number</source>
        <translation>“{raw}”不是电话号码</translation>
    </message>
    <message>
        <source>&apos;{raw}&apos; is not a valid phone number for {region}</source>
        <translation>“{raw}”不是 {region} 的有效电话号码</translation>
    </message>
    <message>
        <source>&apos;{raw}&apos; is not a valid resident ID number (check digit or date)</source>
        <translation>“{raw}”不是有效的居民身份证号码（校验位或日期有误）</translation>
    </message>
    <message>
        <source>&apos;{raw}&apos; is not a valid unified social credit code</source>
        <translation>“{raw}”不是有效的统一社会信用代码</translation>
    </message>
    <message>
        <source>&apos;{raw}&apos; is not an e-mail address</source>
        <translation>“{raw}”不是电子邮件地址</translation>
    </message>
    <message>
        <source>&apos;{rest}&apos; is not a tax code</source>
        <translation>“{rest}”不是税码</translation>
    </message>
    <message>
        <source>&apos;{rest}&apos; is not one of {items} (or *)</source>
        <translation>“{rest}”不是 {items}（或 *）之一</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; has more than three decimal places</source>
        <translation>“{text}”的小数超过三位</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is negative</source>
        <translation>“{text}”为负数</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a number</source>
        <translation>“{text}”不是数字</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a percentage</source>
        <translation>“{text}”不是百分比</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is too large</source>
        <translation>“{text}”太大</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; must be between 0 and 100 with at most two decimals</source>
        <translation>“{text}”必须在 0 到 100 之间，最多两位小数</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a valid choice</source>
        <translation>“{value}”不是有效的选项</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a whole number of {unit}</source>
        <translation>“{value}”不是 {unit} 的整数</translation>
    </message>
    <message>
        <source>A VIN has 17 characters; &apos;{raw}&apos; has {raw2}</source>
        <translation>VIN 有 17 个字符；“{raw}”有 {raw2} 个</translation>
    </message>
    <message>
        <source>A VIN is required</source>
        <translation>必须填写 VIN</translation>
    </message>
    <message>
        <source>A brand name is at most 80 characters</source>
        <translation>品牌名称最多 80 个字符</translation>
    </message>
    <message>
        <source>A clocking cannot end before it started ({started_at} UTC)</source>
        <translation>打卡结束时间不能早于开始时间（{started_at} UTC）</translation>
    </message>
    <message>
        <source>A contact needs a name</source>
        <translation>联系人需要姓名</translation>
    </message>
    <message>
        <source>A cost cannot be negative</source>
        <translation>成本不能为负数</translation>
    </message>
    <message>
        <source>A counted quantity cannot be negative</source>
        <translation>实盘数量不能为负数</translation>
    </message>
    <message>
        <source>A credit note cannot be dated before the invoice it credits ({number} of {issued_on})</source>
        <translation>贷项通知单的日期不能早于所冲销的发票（{number}，{issued_on}）</translation>
    </message>
    <message>
        <source>A credit note cannot itself be credited</source>
        <translation>贷项通知单本身不能再被冲销</translation>
    </message>
    <message>
        <source>A credited line does not belong to this invoice</source>
        <translation>冲销的明细行不属于这张发票</translation>
    </message>
    <message>
        <source>A credited quantity cannot be negative</source>
        <translation>冲销数量不能为负数</translation>
    </message>
    <message>
        <source>A customer name is required</source>
        <translation>必须填写客户名称</translation>
    </message>
    <message>
        <source>A day can be closed once it has started</source>
        <translation>营业日开始后才能结账</translation>
    </message>
    <message>
        <source>A description has at most 300 characters</source>
        <translation>描述最多 300 个字符</translation>
    </message>
    <message>
        <source>A discount in percent is between 0 % and 100 %</source>
        <translation>百分比折扣须在 0% 到 100% 之间</translation>
    </message>
    <message>
        <source>A draft invoice cannot be paid; post it first</source>
        <translation>草稿发票不能收款；请先过账</translation>
    </message>
    <message>
        <source>A line is (part, quantity, unit cost[, customer, reference])</source>
        <translation>明细行的格式为（零件, 数量, 单位成本[, 客户, 参考号]）</translation>
    </message>
    <message>
        <source>A line needs a description</source>
        <translation>明细行需要描述</translation>
    </message>
    <message>
        <source>A line that names a part has item type &apos;part&apos;</source>
        <translation>指定了零件的明细行，其项目类型应为“零件”</translation>
    </message>
    <message>
        <source>A method&apos;s name is at most 40 characters</source>
        <translation>付款方式名称最多 40 个字符</translation>
    </message>
    <message>
        <source>A mileage needs the vehicle it was read on</source>
        <translation>填写里程需同时选择对应车辆</translation>
    </message>
    <message>
        <source>A movement needs a quantity other than zero</source>
        <translation>库存变动的数量不能为零</translation>
    </message>
    <message>
        <source>A name has at most 200 characters</source>
        <translation>名称最多 200 个字符</translation>
    </message>
    <message>
        <source>A page holds at least one row</source>
        <translation>每页至少一行</translation>
    </message>
    <message>
        <source>A part needs a brand</source>
        <translation>零件需要品牌</translation>
    </message>
    <message>
        <source>A part needs a description</source>
        <translation>零件需要描述</translation>
    </message>
    <message>
        <source>A part needs a part number</source>
        <translation>零件需要零件号</translation>
    </message>
    <message>
        <source>A part number is at most 60 characters</source>
        <translation>零件号最多 60 个字符</translation>
    </message>
    <message>
        <source>A password cannot start or end with a space</source>
        <translation>密码不能以空格开头或结尾</translation>
    </message>
    <message>
        <source>A password needs at least {MIN_PASSWORD_LENGTH} characters</source>
        <translation>密码至少需要 {MIN_PASSWORD_LENGTH} 个字符</translation>
    </message>
    <message>
        <source>A plate has at most 20 characters</source>
        <translation>车牌最多 20 个字符</translation>
    </message>
    <message>
        <source>A prefix is 1–8 letters or digits</source>
        <translation>前缀为 1–8 个字母或数字</translation>
    </message>
    <message>
        <source>A preset needs a name of at most 80 characters</source>
        <translation>预设名称最多 80 个字符</translation>
    </message>
    <message>
        <source>A price cannot be negative</source>
        <translation>价格不能为负数</translation>
    </message>
    <message>
        <source>A quantity cannot be negative</source>
        <translation>数量不能为负数</translation>
    </message>
    <message>
        <source>A receipt needs its unit cost</source>
        <translation>收货需要单位成本</translation>
    </message>
    <message>
        <source>A reference is at most 80 characters</source>
        <translation>参考号最多 80 个字符</translation>
    </message>
    <message>
        <source>A refund cannot be dated before the payment it returns ({paid_on})</source>
        <translation>退款日期不能早于所退款项的日期（{paid_on}）</translation>
    </message>
    <message>
        <source>A refund is paid by one of {items}</source>
        <translation>退款方式须为 {items} 之一</translation>
    </message>
    <message>
        <source>A refund must be more than zero</source>
        <translation>退款金额必须大于零</translation>
    </message>
    <message>
        <source>A repair order becomes invoiced only by closing it into its invoices</source>
        <translation>维修工单只能通过结算生成发票变为“已结算”</translation>
    </message>
    <message>
        <source>A repair order that is {from_status} cannot become {to_status} (it can go to: {allowed})</source>
        <translation>状态为{from_status}的维修工单不能改为{to_status}（可改为：{allowed}）</translation>
    </message>
    <message>
        <source>A role code is letters, digits or underscores</source>
        <translation>角色代码只能包含字母、数字或下划线</translation>
    </message>
    <message>
        <source>A role name is required</source>
        <translation>必须填写角色名称</translation>
    </message>
    <message>
        <source>A role with code &apos;{code}&apos; already exists</source>
        <translation>代码为“{code}”的角色已存在</translation>
    </message>
    <message>
        <source>A supplier named &apos;{name}&apos; already exists</source>
        <translation>名为“{name}”的供应商已存在</translation>
    </message>
    <message>
        <source>A supplier needs a name</source>
        <translation>供应商需要名称</translation>
    </message>
    <message>
        <source>A tax code is required</source>
        <translation>必须填写税码</translation>
    </message>
    <message>
        <source>A tax name is required</source>
        <translation>必须填写税种名称</translation>
    </message>
    <message>
        <source>A terminal code is 1–6 letters or digits</source>
        <translation>终端代码为 1–6 个字母或数字</translation>
    </message>
    <message>
        <source>A user name is required</source>
        <translation>必须填写用户名</translation>
    </message>
    <message>
        <source>A vehicle with VIN {vin} is already recorded</source>
        <translation>VIN 为 {vin} 的车辆已有记录</translation>
    </message>
    <message>
        <source>A {kind} brings stock in: the quantity is positive</source>
        <translation>{kind}是入库：数量应为正数</translation>
    </message>
    <message>
        <source>Already recorded for customer &apos;{name}&apos;</source>
        <translation>已为客户“{name}”登记</translation>
    </message>
    <message>
        <source>An ID number has at most 32 characters</source>
        <translation>证件号码最多 32 个字符</translation>
    </message>
    <message>
        <source>An account code is at most 40 characters, without spaces</source>
        <translation>科目代码最多 40 个字符，不含空格</translation>
    </message>
    <message>
        <source>An account name is at most 120 characters</source>
        <translation>科目名称最多 120 个字符</translation>
    </message>
    <message>
        <source>An adjustment needs a quantity other than zero</source>
        <translation>库存调整的数量不能为零</translation>
    </message>
    <message>
        <source>An allocated amount must be more than zero</source>
        <translation>分配金额必须大于零</translation>
    </message>
    <message>
        <source>An amount must be more than zero</source>
        <translation>金额必须大于零</translation>
    </message>
    <message>
        <source>An invoice needs at least one line</source>
        <translation>发票至少需要一行明细</translation>
    </message>
    <message>
        <source>An operation code has at most 40 characters</source>
        <translation>工时代码最多 40 个字符</translation>
    </message>
    <message>
        <source>An operation needs a code</source>
        <translation>工时项目需要代码</translation>
    </message>
    <message>
        <source>An operation needs a description</source>
        <translation>工时项目需要描述</translation>
    </message>
    <message>
        <source>An order needs at least one line</source>
        <translation>订单至少需要一行明细</translation>
    </message>
    <message>
        <source>An order reference is at most 80 characters</source>
        <translation>订单参考号最多 80 个字符</translation>
    </message>
    <message>
        <source>An {kind} takes stock out: the quantity is negative</source>
        <translation>{kind}是出库：数量应为负数</translation>
    </message>
    <message>
        <source>Ask for 1 to {MAX_PAGE:,} changes at a time</source>
        <translation>每次请求 1 到 {MAX_PAGE:,} 条变更</translation>
    </message>
    <message>
        <source>Built-in roles cannot be deleted</source>
        <translation>内置角色不能删除</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Cannot create the backup folder {folder}: {value3}.</source>
        <translation>无法创建备份文件夹 {folder}：{value3}。</translation>
    </message>
    <message>
        <source>Cannot create the database in {parent}: the folder is read-only.</source>
        <translation>无法在 {parent} 中创建数据库：该文件夹为只读。</translation>
    </message>
    <message>
        <source>Cannot keep a copy of {db_path} in {folder}: {value5}.</source>
        <translation>无法在 {folder} 中保留 {db_path} 的副本：{value5}。</translation>
    </message>
    <message>
        <source>Cannot write backups to {folder}: the folder is read-only.</source>
        <translation>无法将备份写入 {folder}：该文件夹为只读。</translation>
    </message>
    <message>
        <source>Cannot write {db_path}: {value3}. The previous database is kept as {safety}.</source>
        <translation>无法写入 {db_path}：{value3}。原数据库保留为 {safety}。</translation>
    </message>
    <message>
        <source>Cannot write {path}: the disk is full. Free some space and try again.</source>
        <translation>无法写入 {path}：磁盘已满。请释放空间后重试。</translation>
    </message>
    <message>
        <source>Cannot write {target}: permission denied.</source>
        <translation>无法写入 {target}：权限被拒绝。</translation>
    </message>
    <message>
        <source>Cannot write {target}: {value3}.</source>
        <translation>无法写入 {target}：{value3}。</translation>
    </message>
    <message>
        <source>Cannot {doing} repair order {number}: parts still reserved and not issued: {names}; issue them or release the reservations first</source>
        <translation>无法{doing}维修工单 {number}：以下配件已预留但未发料：{names}；请先发料或释放预留</translation>
    </message>
    <message>
        <source>Cannot {doing} repair order {number}: {people} still clocked on; clock them off first</source>
        <translation>无法{doing}维修工单 {number}：{people} 仍在打卡作业中，请先停止作业</translation>
    </message>
    <message>
        <source>Choose a payment received (not a refund)</source>
        <translation>请选择一笔收款（不是退款）</translation>
    </message>
    <message>
        <source>Choose a payment this customer made</source>
        <translation>请选择该客户的一笔付款</translation>
    </message>
    <message>
        <source>Choose a posted credit note</source>
        <translation>请选择一张已过账的贷项通知单</translation>
    </message>
    <message>
        <source>Choose one payment or one credit note to allocate from</source>
        <translation>请选择一笔付款或一张贷项通知单进行分配</translation>
    </message>
    <message>
        <source>Choose the customer</source>
        <translation>请选择客户</translation>
    </message>
    <message>
        <source>Choose the customer to invoice</source>
        <translation>请选择开票客户</translation>
    </message>
    <message>
        <source>Choose the customer who pays</source>
        <translation>请选择付款客户</translation>
    </message>
    <message>
        <source>Choose the customer whose car was repaired</source>
        <translation>请选择送修车辆的客户</translation>
    </message>
    <message>
        <source>Choose the first and last day of the period</source>
        <translation>请选择期间的第一天和最后一天</translation>
    </message>
    <message>
        <source>Choose the repair invoice</source>
        <translation>请选择维修发票</translation>
    </message>
    <message>
        <source>Choose the supplier to order from</source>
        <translation>请选择订货的供应商</translation>
    </message>
    <message>
        <source>Choose the vehicle</source>
        <translation>请选择车辆</translation>
    </message>
    <message>
        <source>Claim {claim_number} is {status}; it can move to {allowed}, not to {to}</source>
        <translation>理赔 {claim_number} 的状态为 {status}；只能变为 {allowed}，不能变为 {to}</translation>
    </message>
    <message>
        <source>Claim {claim_number} is {status}; payouts are recorded once the claim is invoiced</source>
        <translation>理赔 {claim_number} 的状态为 {status}；开票后才能登记赔付</translation>
    </message>
    <message>
        <source>Count {items} is still open for some of these parts; post or cancel it first</source>
        <translation>盘点单 {items} 对其中部分零件仍未结束；请先过账或取消</translation>
    </message>
    <message>
        <source>Count {number} is {status}; it can no longer be changed</source>
        <translation>盘点单 {number} 的状态为 {status}；已不能更改</translation>
    </message>
    <message>
        <source>Deal {number} waits for the approval of {approver}, which is not yours to give</source>
        <translation>销售单 {number} 等待{approver}审批，不在您的审批权限内</translation>
    </message>
    <message>
        <source>Deal {number} waits for the approval of {approver}: it cannot go on until then</source>
        <translation>销售单 {number} 等待{approver}审批：审批前不能继续</translation>
    </message>
    <message>
        <source>Enter at least one amount and method</source>
        <translation>请至少输入一笔金额和付款方式</translation>
    </message>
    <message>
        <source>Enter the account code</source>
        <translation>请输入科目代码</translation>
    </message>
    <message>
        <source>Enter the day the money arrived</source>
        <translation>请输入到账日期</translation>
    </message>
    <message>
        <source>Enter the quantity received on at least one line</source>
        <translation>请至少在一行输入收货数量</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Fuel must be one of {items}</source>
        <translation>燃料须为 {items} 之一</translation>
    </message>
    <message>
        <source>Give the payment method a name</source>
        <translation>请填写付款方式名称</translation>
    </message>
    <message>
        <source>Give the quantity received and the unit cost</source>
        <translation>请填写收货数量和单位成本</translation>
    </message>
    <message>
        <source>Goods have been received on {number}; close the order instead</source>
        <translation>订单 {number} 已有收货；请改为关闭订单</translation>
    </message>
    <message>
        <source>Invoice type must be one of {items}</source>
        <translation>发票类型须为 {items} 之一</translation>
    </message>
    <message>
        <source>Invoice {key} is not known</source>
        <translation>发票 {key} 未知</translation>
    </message>
    <message>
        <source>Invoice {number} already belongs to claim {claim_number} of {insurer}</source>
        <translation>发票 {number} 已属于 {insurer} 的理赔 {claim_number}</translation>
    </message>
    <message>
        <source>Invoice {number} belongs to another customer</source>
        <translation>发票 {number} 属于另一位客户</translation>
    </message>
    <message>
        <source>Invoice {number} cannot be settled on {on}: nothing can be allocated before {floor}, the later of the invoice&apos;s date and the payment&apos;s or credit note&apos;s date</source>
        <translation>发票 {number} 不能在 {on} 结清：{floor} 之前不能分配，即发票日期与付款或贷项通知单日期中较晚者</translation>
    </message>
    <message>
        <source>Invoice {number} is listed twice</source>
        <translation>发票 {number} 重复列出</translation>
    </message>
    <message>
        <source>Invoice {number} is posted and cannot be changed; issue a credit note to correct it</source>
        <translation>发票 {number} 已过账，不能更改；请开具贷项通知单更正</translation>
    </message>
    <message>
        <source>Issue a quantity more than zero</source>
        <translation>出库数量须大于零</translation>
    </message>
    <message>
        <source>Item type must be one of {items}</source>
        <translation>项目类型须为 {items} 之一</translation>
    </message>
    <message>
        <source>Job {job_no} ({description}) has no pay type; choose {pay_types} or {last_pay_type} before invoicing</source>
        <translation>作业 {job_no}（{description}）没有付费类型；结算前请选择 {pay_types} 或 {last_pay_type}</translation>
    </message>
    <message>
        <source>Keep at least one payment method active</source>
        <translation>至少保留一种启用的付款方式</translation>
    </message>
    <message>
        <source>Kind must be one of {items}</source>
        <translation>类型须为 {items} 之一</translation>
    </message>
    <message>
        <source>Line {line_no} ({description}) uses tax code &apos;{tax_code}&apos;, which is no longer in force; choose another code and save the draft again</source>
        <translation>第 {line_no} 行（{description}）使用的税码“{tax_code}”已失效；请选择其他税码并重新保存草稿</translation>
    </message>
    <message>
        <source>Line {line_no}: the quantity cannot be negative</source>
        <translation>第 {line_no} 行：数量不能为负数</translation>
    </message>
    <message>
        <source>Line {line_no}: the unit cost cannot be negative</source>
        <translation>第 {line_no} 行：单位成本不能为负数</translation>
    </message>
    <message>
        <source>Line {line_no}: {quantity} received but only {outstanding} still on order</source>
        <translation>第 {line_no} 行：收货 {quantity}，但仅有 {outstanding} 尚未到货</translation>
    </message>
    <message>
        <source>Link a posted invoice, not a draft or a credit note</source>
        <translation>请关联已过账的发票，而不是草稿或贷项通知单</translation>
    </message>
    <message>
        <source>More is allocated than received</source>
        <translation>分配金额超过收款金额</translation>
    </message>
    <message>
        <source>Movement type must be one of {items}</source>
        <translation>变动类型须为 {items} 之一</translation>
    </message>
    <message>
        <source>Name the campaign or choose the vehicle the rebate is for</source>
        <translation>请填写活动名称或选择返利所属车辆</translation>
    </message>
    <message>
        <source>No account is mapped for &apos;{key}&apos;; add it to the account mapping</source>
        <translation>“{key}”没有映射科目；请在科目映射中添加</translation>
    </message>
    <message>
        <source>No column for {items} (columns found: {found})</source>
        <translation>没有对应 {items} 的列（找到的列：{found}）</translation>
    </message>
    <message>
        <source>No invoice or credit note is numbered &apos;{wanted}&apos;</source>
        <translation>没有编号为“{wanted}”的发票或贷项通知单</translation>
    </message>
    <message>
        <source>No parts match this selection</source>
        <translation>没有符合此选择的零件</translation>
    </message>
    <message>
        <source>No payout has been recorded; reject the claim instead</source>
        <translation>尚未登记赔付；请改为拒绝理赔</translation>
    </message>
    <message>
        <source>No stock count is open: start one before importing counted figures</source>
        <translation>没有进行中的盘点单：请先开始盘点再导入实盘数量</translation>
    </message>
    <message>
        <source>No user named &apos;{username}&apos;</source>
        <translation>没有名为“{username}”的用户</translation>
    </message>
    <message>
        <source>Not enough credit is held</source>
        <translation>客户的余额不足</translation>
    </message>
    <message>
        <source>Not enough credit is held for {reference}</source>
        <translation>为 {reference} 保留的余额不足</translation>
    </message>
    <message>
        <source>Not enough credit is held on {paid_on}</source>
        <translation>{paid_on} 持有的余额不足</translation>
    </message>
    <message>
        <source>Not enough disk space to write {target}.</source>
        <translation>没有足够的磁盘空间写入 {target}。</translation>
    </message>
    <message>
        <source>Not enough stock of {part_number}: {available} available ({reserved} reserved for others), {requested} needed</source>
        <translation>{part_number} 库存不足：可用 {available}（其中 {reserved} 已为他人预留），需要 {requested}</translation>
    </message>
    <message>
        <source>Not enough stock of {part_number}: {available} available, {requested} needed</source>
        <translation>{part_number} 库存不足：可用 {available}，需要 {requested}</translation>
    </message>
    <message>
        <source>Nothing is left to credit on invoice {number}</source>
        <translation>发票 {number} 已无可冲销内容</translation>
    </message>
    <message>
        <source>Only a logged-in user can change their own password</source>
        <translation>只有已登录的用户才能修改自己的密码</translation>
    </message>
    <message>
        <source>Only a posted invoice can be credited; change or delete the draft</source>
        <translation>只有已过账的发票才能冲销；请修改或删除草稿</translation>
    </message>
    <message>
        <source>Only {left} of line {line_no} is left to credit</source>
        <translation>第 {line_no} 行仅剩 {left} 可冲销</translation>
    </message>
    <message>
        <source>Only {quantity:g} of line {line_no} is left to credit</source>
        <translation>第 {line_no} 行只剩 {quantity:g} 可冲红</translation>
    </message>
    <message>
        <source>Only {session} is open on invoice {number}</source>
        <translation>发票 {number} 仅剩 {session} 未结</translation>
    </message>
    <message>
        <source>Only {session} is outstanding on this rebate; if the manufacturer paid more, correct the expected amount first</source>
        <translation>此返利仅剩 {session} 未收；如果厂家多付，请先更正应收金额</translation>
    </message>
    <message>
        <source>Only {session} of that payment is neither allocated nor refunded</source>
        <translation>该付款仅剩 {session} 既未分配也未退款</translation>
    </message>
    <message>
        <source>Only {session} of this credit is left to allocate</source>
        <translation>此余额仅剩 {session} 可分配</translation>
    </message>
    <message>
        <source>Operation {code}{family} already exists</source>
        <translation>工时项目 {code}{family} 已存在</translation>
    </message>
    <message>
        <source>Overdue means at least one day past the due date</source>
        <translation>逾期是指超过到期日至少一天</translation>
    </message>
    <message>
        <source>Pay type must be one of {items}</source>
        <translation>付费类型必须是以下之一：{items}</translation>
    </message>
    <message>
        <source>The line kind must be one of {items}</source>
        <translation>行类型必须是以下之一：{items}</translation>
    </message>
    <message>
        <source>Paying with credit only settles invoices; the rest is still held for the customer</source>
        <translation>用余额付款只能结清发票；其余部分仍为客户保留</translation>
    </message>
    <message>
        <source>&apos;{a}&apos; ({a_value}) and &apos;{b}&apos; ({b_value}) have different ID numbers: they are different customers and cannot be merged</source>
        <translation>“{a}”（{a_value}）与“{b}”（{b_value}）的身份证号不同：二者是不同的客户，不能合并</translation>
    </message>
    <message>
        <source>&apos;{a}&apos; ({a_value}) and &apos;{b}&apos; ({b_value}) have different credit codes: they are different companies and cannot be merged</source>
        <translation>“{a}”（{a_value}）与“{b}”（{b_value}）的统一社会信用代码不同：二者是不同的企业，不能合并</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; already has an estimate</source>
        <translation>“{name}”已有报价</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; has an estimate: its rating stays</source>
        <translation>“{name}”已有报价：结果不能更改</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is already a point of {system}</source>
        <translation>“{name}”已是{system}的检查项目</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not a user</source>
        <translation>“{name}”不是用户</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; was already merged into another customer</source>
        <translation>“{name}”已合并到其他客户</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; has a comma where a point may be meant: write the decimal mark as a point (1.5, not 1,5)</source>
        <translation>“{text}”含有逗号，可能是想写小数点：小数点请用英文句点（写 1.5，不要写 1,5）</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; has more than {places} decimal places</source>
        <translation>“{text}”的小数超过 {places} 位</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; has no letters or digits</source>
        <translation>“{text}”没有字母或数字</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is more than {maximum}</source>
        <translation>“{text}”超过 {maximum}</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a date (write it as 2024-03-31)</source>
        <translation>“{text}”不是日期（请写成 2024-03-31）</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date (write it as 2026-12-07)</source>
        <translation>“{value}”不是日期（请写成 2026-12-07）</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a whole number from 0 to 10</source>
        <translation>“{value}”不是 0 到 10 之间的整数</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not one of {items}</source>
        <translation>“{value}”不是 {items} 之一</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not yes or no</source>
        <translation>“{value}”不是“是”或“否”</translation>
    </message>
    <message>
        <source>A VIN range runs from the lower VIN to the higher, 17 characters at most</source>
        <translation>VIN 范围须从较小的 VIN 到较大的 VIN，最多 17 个字符</translation>
    </message>
    <message>
        <source>A car added to stock is {items}</source>
        <translation>新入库的车辆状态只能是{items}</translation>
    </message>
    <message>
        <source>A car is added on order, in transit or in stock</source>
        <translation>车辆只能以在订、在途或在库状态入库</translation>
    </message>
    <message>
        <source>A car is taken back whole: credit all of line {line_no}, or its price</source>
        <translation>整车只能整体退回：请冲红第 {line_no} 行全部数量，或只冲红价格</translation>
    </message>
    <message>
        <source>A company customer&apos;s company is its own name</source>
        <translation>企业客户的公司就是其自身名称</translation>
    </message>
    <message>
        <source>A customer cannot be merged into itself</source>
        <translation>客户不能合并到其自身</translation>
    </message>
    <message>
        <source>A deal line is a vehicle, an option, an accessory, a fee or an insurance premium</source>
        <translation>销售单明细须为车辆、选装、精品附件、费用或保险费</translation>
    </message>
    <message>
        <source>A deal sells one vehicle: its quantity is 1</source>
        <translation>一个销售单只卖一辆车：数量为 1</translation>
    </message>
    <message>
        <source>A deal sells one vehicle: keep one vehicle line</source>
        <translation>一张销售单只卖一辆车：只保留一行车辆</translation>
    </message>
    <message>
        <source>A deposit cannot be negative</source>
        <translation>定金不能为负数</translation>
    </message>
    <message>
        <source>A description is at most 300 characters</source>
        <translation>说明最多 300 个字符</translation>
    </message>
    <message>
        <source>A discount cannot be negative</source>
        <translation>优惠不能为负数</translation>
    </message>
    <message>
        <source>A document handed over was received first: enter the day it was received</source>
        <translation>已移交的单证必须先收到：请填写收到日期</translation>
    </message>
    <message>
        <source>A due date is needed</source>
        <translation>需要填写到期日</translation>
    </message>
    <message>
        <source>A labour line needs a description or an operation</source>
        <translation>工时行需要填写描述或选择工时项目</translation>
    </message>
    <message>
        <source>A lead is won by its deal and lost with a reason</source>
        <translation>线索由销售单成交，战败需填写原因</translation>
    </message>
    <message>
        <source>A lead moves back one stage at a time</source>
        <translation>线索每次只能退回一个阶段</translation>
    </message>
    <message>
        <source>A lender&apos;s name has at most 120 characters</source>
        <translation>贷款机构名称最多 120 个字符</translation>
    </message>
    <message>
        <source>A limit is a percentage from -100 % to 100 %</source>
        <translation>限额是 -100% 到 100% 之间的百分比</translation>
    </message>
    <message>
        <source>A line that sells a stock vehicle is one vehicle</source>
        <translation>销售库存车辆的行只能是一辆车</translation>
    </message>
    <message>
        <source>A loan application needs its lender</source>
        <translation>贷款申请需要填写贷款机构</translation>
    </message>
    <message>
        <source>A loan application stays with its deal</source>
        <translation>贷款申请不能改到其他销售单</translation>
    </message>
    <message>
        <source>A make has at most 60 characters</source>
        <translation>品牌最多 60 个字符</translation>
    </message>
    <message>
        <source>A model name has at most 80 characters</source>
        <translation>车系名称最多 80 个字符</translation>
    </message>
    <message>
        <source>A new campaign ({code}) needs a title</source>
        <translation>新活动（{code}）需要名称</translation>
    </message>
    <message>
        <source>A new customer&apos;s phone is needed to reach them</source>
        <translation>需要新客户的电话以便联系</translation>
    </message>
    <message>
        <source>A note has at most 300 characters</source>
        <translation>说明最多 300 个字符</translation>
    </message>
    <message>
        <source>A note has at most {n} characters</source>
        <translation>备注最多 {n} 个字符</translation>
    </message>
    <message>
        <source>A note is at most 500 characters</source>
        <translation>备注最多 500 个字符</translation>
    </message>
    <message>
        <source>A note needs some text</source>
        <translation>备注不能为空</translation>
    </message>
    <message>
        <source>A package code has at most 40 characters</source>
        <translation>套餐代码最多 40 个字符</translation>
    </message>
    <message>
        <source>A package needs a code</source>
        <translation>套餐需要代码</translation>
    </message>
    <message>
        <source>A package needs a name</source>
        <translation>套餐需要名称</translation>
    </message>
    <message>
        <source>A package needs at least one operation or part</source>
        <translation>套餐至少需要一个工时项目或配件</translation>
    </message>
    <message>
        <source>A photo must be a JPEG or PNG file ({name} is not)</source>
        <translation>照片必须是 JPEG 或 PNG 文件（{name} 不是）</translation>
    </message>
    <message>
        <source>A photo must be smaller than 20 MB ({name} is not)</source>
        <translation>照片必须小于 20 MB（{name} 超过了）</translation>
    </message>
    <message>
        <source>A policy ends after it starts</source>
        <translation>保单结束日期须晚于开始日期</translation>
    </message>
    <message>
        <source>A policy needs its first day</source>
        <translation>保单需要起保日期</translation>
    </message>
    <message>
        <source>A policy needs its insurer</source>
        <translation>保单需要填写保险公司</translation>
    </message>
    <message>
        <source>A policy number has at most 60 characters</source>
        <translation>保单号最多 60 个字符</translation>
    </message>
    <message>
        <source>A reason is at most 300 characters</source>
        <translation>原因最多 300 个字符</translation>
    </message>
    <message>
        <source>A reason needs a code</source>
        <translation>原因需要代码</translation>
    </message>
    <message>
        <source>A reason needs a description</source>
        <translation>原因需要说明</translation>
    </message>
    <message>
        <source>A renewal cannot start before the policy it renews</source>
        <translation>续保保单不能早于原保单开始</translation>
    </message>
    <message>
        <source>A renewal covers the car of the policy it renews</source>
        <translation>续保保单须承保原保单的车辆</translation>
    </message>
    <message>
        <source>A repair order is closed by handing the car over, which records the mileage out and the next service due</source>
        <translation>工单须通过交车来关闭，交车时记录交车里程和下次保养</translation>
    </message>
    <message>
        <source>A report covers at most 20 years</source>
        <translation>报表最多涵盖 20 年</translation>
    </message>
    <message>
        <source>A row needs an ID number, a credit code or a phone, so that importing the file again finds the customer</source>
        <translation>每行需要证件号码、信用代码或电话，以便再次导入时能找到该客户</translation>
    </message>
    <message>
        <source>A salesperson takes their own leads; a sales manager gives leads to others</source>
        <translation>销售顾问只能给自己建线索；分配给他人须由销售经理操作</translation>
    </message>
    <message>
        <source>A shift starts before it ends, within the day, and its break is shorter than the shift</source>
        <translation>班次须在当天内且开始早于结束，休息时间须短于班次</translation>
    </message>
    <message>
        <source>A stock number has at most 40 characters</source>
        <translation>库存编号最多 40 个字符</translation>
    </message>
    <message>
        <source>A stretch of more than {hours} hours is not a correction</source>
        <translation>超过 {hours} 小时的一段时间不属于更正</translation>
    </message>
    <message>
        <source>A tag has at most {n} characters</source>
        <translation>标签最多 {n} 个字符</translation>
    </message>
    <message>
        <source>A template needs a name of at most 120 characters</source>
        <translation>模板需要一个不超过 120 个字符的名称</translation>
    </message>
    <message>
        <source>A template needs at least one inspection point</source>
        <translation>模板至少需要一个检查项目</translation>
    </message>
    <message>
        <source>A test drive is logged when it starts, not ahead</source>
        <translation>试驾在开始时登记，不能提前登记</translation>
    </message>
    <message>
        <source>A trim name has at most 120 characters</source>
        <translation>配置名称最多 120 个字符</translation>
    </message>
    <message>
        <source>A trim needs a name</source>
        <translation>配置需要名称</translation>
    </message>
    <message>
        <source>After the trade-in&apos;s change deal {number} waits for the approval of {approver}: it cannot be ordered or invoiced until then</source>
        <translation>置换车改动后，销售单 {number} 等待{approver}审批：审批前不能下订单或开票</translation>
    </message>
    <message>
        <source>All received</source>
        <translation>均已收到</translation>
    </message>
    <message>
        <source>An appraisal stays with the car appraised</source>
        <translation>评估不能改到其他车辆</translation>
    </message>
    <message>
        <source>An estimate needs a description</source>
        <translation>报价需要填写维修项目</translation>
    </message>
    <message>
        <source>An estimate needs at least one labour or parts line</source>
        <translation>报价至少需要一行工时或配件</translation>
    </message>
    <message>
        <source>An insurer&apos;s name has at most 120 characters</source>
        <translation>保险公司名称最多 120 个字符</translation>
    </message>
    <message>
        <source>An option code has at most 40 characters</source>
        <translation>选装代码最多 40 个字符</translation>
    </message>
    <message>
        <source>An option needs a code</source>
        <translation>选装需要代码</translation>
    </message>
    <message>
        <source>An option needs a name</source>
        <translation>选装需要名称</translation>
    </message>
    <message>
        <source>An ordered deal needs its vehicle</source>
        <translation>已下单的销售单必须有车辆</translation>
    </message>
    <message>
        <source>Approved finance would come to more than the deal&apos;s total ({total})</source>
        <translation>已批准贷款合计将超过销售单总额（{total}）</translation>
    </message>
    <message>
        <source>Bay {bay} is booked from {start} to {end} that day; choose another bay or time</source>
        <translation>工位 {bay} 当天 {start} 至 {end} 已有预约，请换一个工位或时间</translation>
    </message>
    <message>
        <source>Booked from {start} to {end} on {day} outside working hours: {reason}</source>
        <translation>{day} {start} 至 {end} 在工作时间外预约：{reason}</translation>
    </message>
    <message>
        <source>Booked {hours} h on {day} beyond capacity: {reason}</source>
        <translation>{day} 超出产能预约 {hours} 小时：{reason}</translation>
    </message>
    <message>
        <source>Campaign {code} was already done on repair order {number}</source>
        <translation>活动 {code} 已在工单 {number} 中完成</translation>
    </message>
    <message>
        <source>Cannot read {path}: {cause}</source>
        <translation>无法读取 {path}：{cause}</translation>
    </message>
    <message>
        <source>Cannot write {path}: {cause}</source>
        <translation>无法写入 {path}：{cause}</translation>
    </message>
    <message>
        <source>Cannot {doing} an appointment that is {status}</source>
        <translation>预约{status}，不能{doing}</translation>
    </message>
    <message>
        <source>Cash count {terminal} {day}</source>
        <translation>现金盘点 {terminal} {day}</translation>
    </message>
    <message>
        <source>Check the driving licence before the test drive</source>
        <translation>试驾前请核验驾驶证</translation>
    </message>
    <message>
        <source>Choose a customer, or give a new customer&apos;s name and phone</source>
        <translation>请选择客户，或填写新客户的姓名和电话</translation>
    </message>
    <message>
        <source>Choose a health-check template</source>
        <translation>请选择健康检查模板</translation>
    </message>
    <message>
        <source>Choose a reason for the time off jobs</source>
        <translation>请选择非生产时间的原因</translation>
    </message>
    <message>
        <source>Choose at least one customer to merge</source>
        <translation>请至少选择一位要合并的客户</translation>
    </message>
    <message>
        <source>Choose at least two customers</source>
        <translation>请至少选择两个客户</translation>
    </message>
    <message>
        <source>Choose one of the workshop&apos;s bays</source>
        <translation>请选择车间的工位</translation>
    </message>
    <message>
        <source>Choose the insurer of repair order {number} before invoicing its excess</source>
        <translation>结算自付额之前，请先为工单 {number} 选择保险公司</translation>
    </message>
    <message>
        <source>Choose the trim from the catalogue</source>
        <translation>请从车型目录中选择配置</translation>
    </message>
    <message>
        <source>Choose the vehicle before its PDI</source>
        <translation>请先选择车辆再做 PDI 检查</translation>
    </message>
    <message>
        <source>Choose the vehicle before ordering</source>
        <translation>请先选择车辆再下单</translation>
    </message>
    <message>
        <source>Choose what the cost was for</source>
        <translation>请选择费用类别</translation>
    </message>
    <message>
        <source>Choose why the lead was lost</source>
        <translation>请选择战败原因</translation>
    </message>
    <message>
        <source>Could not decode the VIN: {problem}</source>
        <translation>无法解析 VIN：{problem}</translation>
    </message>
    <message>
        <source>Count {number}: {parts} parts to count</source>
        <translation>盘点 {number}：{parts} 个配件待盘点</translation>
    </message>
    <message>
        <source>Credit applied to {number} from {source} · {customer}</source>
        <translation>余额冲抵 {number}，来源：{source} · {customer}</translation>
    </message>
    <message>
        <source>Credit note {number} for {credited} · {customer}</source>
        <translation>红字发票 {number}（冲 {credited}） · {customer}</translation>
    </message>
    <message>
        <source>Credit of deal {number} kept as the customer&apos;s credit</source>
        <translation>销售单 {number} 的款项留作客户余额</translation>
    </message>
    <message>
        <source>Deal {number} cancelled: {reason}</source>
        <translation>销售单 {number} 已取消：{reason}</translation>
    </message>
    <message>
        <source>Deal {number} cannot be delivered yet: {open}</source>
        <translation>销售单 {number} 尚不能交车：{open}</translation>
    </message>
    <message>
        <source>Deal {number} cannot be delivered: the invoice is not posted</source>
        <translation>销售单 {number} 不能交车：发票尚未开具</translation>
    </message>
    <message>
        <source>Deal {number} has its PDI job already</source>
        <translation>销售单 {number} 已有 PDI 检查工单</translation>
    </message>
    <message>
        <source>Deal {number} is another customer&apos;s</source>
        <translation>销售单 {number} 属于其他客户</translation>
    </message>
    <message>
        <source>Deal {number} is cancelled</source>
        <translation>销售单 {number} 已取消</translation>
    </message>
    <message>
        <source>Deal {number} is not waiting for an approval</source>
        <translation>销售单 {number} 不在等待审批</translation>
    </message>
    <message>
        <source>Deal {number} is {status}</source>
        <translation>销售单 {number} {status}</translation>
    </message>
    <message>
        <source>Deal {number} is {status} and can no longer change</source>
        <translation>销售单 {number} {status}，不能再修改</translation>
    </message>
    <message>
        <source>Deal {number} is {status} and cannot be cancelled</source>
        <translation>销售单 {number} {status}，不能取消</translation>
    </message>
    <message>
        <source>Deal {number} is {status} and cannot be delivered</source>
        <translation>销售单 {number} {status}，不能交车</translation>
    </message>
    <message>
        <source>Deal {number} is {status}: its trade-in can no longer change</source>
        <translation>销售单 {number} {status}：其置换车不能再更改</translation>
    </message>
    <message>
        <source>Deal {number} is {status}; only a quotation can be ordered</source>
        <translation>销售单 {number} {status}；只有报价单才能下单</translation>
    </message>
    <message>
        <source>Deal {number} is {status}; only an ordered deal is invoiced</source>
        <translation>销售单 {number} {status}；只有已下单的销售单才能开票</translation>
    </message>
    <message>
        <source>Deal {number} was sent back ({note}): change it first</source>
        <translation>销售单 {number} 已被退回（{note}）：请先修改</translation>
    </message>
    <message>
        <source>Deposit for deal {number}</source>
        <translation>销售单 {number} 的定金</translation>
    </message>
    <message>
        <source>Deposit of deal {number} kept as the customer&apos;s credit</source>
        <translation>销售单 {number} 的定金保留为客户余额</translation>
    </message>
    <message>
        <source>Documents not received: {kinds}</source>
        <translation>随车文件未收到：{kinds}</translation>
    </message>
    <message>
        <source>Each inspection point needs a name</source>
        <translation>每个检查项目都需要名称</translation>
    </message>
    <message>
        <source>Each kind of document is recorded once</source>
        <translation>每类单证只记录一次</translation>
    </message>
    <message>
        <source>Each level allows at least what the level before it allows</source>
        <translation>每一级的权限至少与上一级相同</translation>
    </message>
    <message>
        <source>Enter the day it was handed over</source>
        <translation>请填写移交日期</translation>
    </message>
    <message>
        <source>Give each weekday at most one shift</source>
        <translation>每个工作日最多一个班次</translation>
    </message>
    <message>
        <source>Give the first and the last day</source>
        <translation>请给出第一天和最后一天</translation>
    </message>
    <message>
        <source>Give the stock number or VIN of the car driven, or name the demo car</source>
        <translation>请填写试驾车辆的库存编号或 VIN，或填写试驾车名称</translation>
    </message>
    <message>
        <source>Give the time it ended</source>
        <translation>请给出结束时间</translation>
    </message>
    <message>
        <source>Grade must be one of {items}</source>
        <translation>客户等级必须是 {items} 之一</translation>
    </message>
    <message>
        <source>Insurance commission {insurer}</source>
        <translation>保险佣金 {insurer}</translation>
    </message>
    <message>
        <source>Insurance commission {insurer} {number}</source>
        <translation>保险佣金 {insurer} {number}</translation>
    </message>
    <message>
        <source>Invoice {number} posted</source>
        <translation>发票 {number} 已开具</translation>
    </message>
    <message>
        <source>Invoice {number} · {customer}</source>
        <translation>发票 {number} · {customer}</translation>
    </message>
    <message>
        <source>It cannot be handed over before it was received</source>
        <translation>移交日期不能早于收到日期</translation>
    </message>
    <message>
        <source>Job {job_no} already has a service package</source>
        <translation>作业 {job_no} 已有保养套餐</translation>
    </message>
    <message>
        <source>Job {job_no} has a service package at a fixed price; its pay type can no longer change</source>
        <translation>作业 {job_no} 已按固定价格套用保养套餐，付费方式不能再更改</translation>
    </message>
    <message>
        <source>Keys not handed over</source>
        <translation>钥匙未交付</translation>
    </message>
    <message>
        <source>Kind must be person or company</source>
        <translation>类型必须是个人或企业</translation>
    </message>
    <message>
        <source>Line {line_no}&apos;s price credits already gave back more than the rest of it is worth</source>
        <translation>第 {line_no} 行的价格冲红已超过该行剩余部分的金额</translation>
    </message>
    <message>
        <source>Loan paid out for deal {number}</source>
        <translation>销售单 {number} 的贷款放款</translation>
    </message>
    <message>
        <source>Marketing consent cannot be given in the future</source>
        <translation>营销许可日期不能晚于今天</translation>
    </message>
    <message>
        <source>Merged {merged} into &apos;{name}&apos;, active again: {moved}</source>
        <translation>已将 {merged} 合并到“{name}”并重新启用：{moved}</translation>
    </message>
    <message>
        <source>Merged {merged} into &apos;{name}&apos;: {moved}</source>
        <translation>已将 {merged} 合并到“{name}”：{moved}</translation>
    </message>
    <message>
        <source>Mileage {mileage} km accepted below the last recorded {last} km ({where}): {reason}</source>
        <translation>接受低于上次记录 {last} 公里（{where}）的里程 {mileage} 公里：{reason}</translation>
    </message>
    <message>
        <source>Moved from {before} to {after}</source>
        <translation>由 {before} 改到 {after}</translation>
    </message>
    <message>
        <source>Name a model family or a VIN range</source>
        <translation>请填写车系或 VIN 范围</translation>
    </message>
    <message>
        <source>No repair order {number}</source>
        <translation>没有工单 {number}</translation>
    </message>
    <message>
        <source>No single catalogue part has the number &apos;{number}&apos;</source>
        <translation>目录中没有唯一对应编号“{number}”的配件</translation>
    </message>
    <message>
        <source>No stock vehicle or vehicle has the stock number or VIN &apos;{ref}&apos;</source>
        <translation>没有库存编号或 VIN 为“{ref}”的库存车辆或车辆</translation>
    </message>
    <message>
        <source>No trade-in on this deal</source>
        <translation>本销售单无置换车</translation>
    </message>
    <message>
        <source>Nobody may correct their own times; another foreman corrects them</source>
        <translation>任何人都不能更正自己的时间；请由另一位主管更正</translation>
    </message>
    <message>
        <source>Notes are at most 4000 characters</source>
        <translation>备注最多 4000 个字符</translation>
    </message>
    <message>
        <source>Nothing is left to issue on this line</source>
        <translation>此行已没有可发料的数量</translation>
    </message>
    <message>
        <source>Nothing is left to release on this line</source>
        <translation>此行已没有可释放的预留</translation>
    </message>
    <message>
        <source>Nothing is left to reserve on this line</source>
        <translation>此行已没有可预留的数量</translation>
    </message>
    <message>
        <source>Nothing is left to return on this line</source>
        <translation>此行已没有可退料的数量</translation>
    </message>
    <message>
        <source>Nothing is paid until the invoice is posted</source>
        <translation>发票开具前无法付款</translation>
    </message>
    <message>
        <source>Only a lead awaiting confirmation of its loss can be confirmed lost</source>
        <translation>只有战败待确认的线索才能确认战败</translation>
    </message>
    <message>
        <source>Only declined work is offered again</source>
        <translation>只有客户拒绝过的项目才能再次推荐</translation>
    </message>
    <message>
        <source>Only items rated amber or red become estimates (&apos;{name}&apos; is not)</source>
        <translation>只有黄色或红色项目才能报价（“{name}”不是）</translation>
    </message>
    <message>
        <source>Only the registration and the keys are ticked by hand</source>
        <translation>只有上牌和交钥匙需要手动勾选</translation>
    </message>
    <message>
        <source>Only {amount} is in the cash drawer on {day}: pay the rest back another way, such as a bank transfer</source>
        <translation>{day} 现金抽屉中只有 {amount}：其余部分请用其他方式退还，例如银行转账</translation>
    </message>
    <message>
        <source>Only {quantity} can be issued on this line</source>
        <translation>此行最多只能发料 {quantity}</translation>
    </message>
    <message>
        <source>Only {quantity} can be released on this line</source>
        <translation>此行最多只能释放 {quantity}</translation>
    </message>
    <message>
        <source>Only {quantity} can be reserved on this line</source>
        <translation>此行最多只能预留 {quantity}</translation>
    </message>
    <message>
        <source>Only {quantity} can be returned on this line</source>
        <translation>此行最多只能退料 {quantity}</translation>
    </message>
    <message>
        <source>Operation {code} is used on repair orders or bookings; make it inactive instead</source>
        <translation>工时项目 {code} 已用于工单或预约；请改为停用</translation>
    </message>
    <message>
        <source>Option {code} is listed twice</source>
        <translation>选装 {code} 重复</translation>
    </message>
    <message>
        <source>PDI for deal {number}</source>
        <translation>销售单 {number} 的 PDI 检查</translation>
    </message>
    <message>
        <source>PDI job not opened</source>
        <translation>未开 PDI 检查工单</translation>
    </message>
    <message>
        <source>PDI job {number} still open (not started yet)</source>
        <translation>PDI 检查工单 {number} 尚未完成（还未开工）</translation>
    </message>
    <message>
        <source>PDI job {number} still open ({status})</source>
        <translation>PDI 检查工单 {number} 尚未完成（{status}）</translation>
    </message>
    <message>
        <source>PDI job {number} {status}</source>
        <translation>PDI 检查工单 {number} {status}</translation>
    </message>
    <message>
        <source>Package {code} already exists</source>
        <translation>套餐 {code} 已存在</translation>
    </message>
    <message>
        <source>Package {code} costs more than its itemised price ({itemised}); a package may only be cheaper</source>
        <translation>套餐 {code} 的价格高于分项价格（{itemised}）；套餐只能更便宜</translation>
    </message>
    <message>
        <source>Package {code} is not valid for this vehicle ({model}, {vin})</source>
        <translation>套餐 {code} 不适用于此车辆（{model}，{vin}）</translation>
    </message>
    <message>
        <source>Paid in full</source>
        <translation>已全额付清</translation>
    </message>
    <message>
        <source>Payment terms are 0 to 365 days</source>
        <translation>付款期限为 0 到 365 天</translation>
    </message>
    <message>
        <source>Permission denied: may not {permission}</source>
        <translation>权限不足：不得{permission}</translation>
    </message>
    <message>
        <source>Permission denied: {who} may not {permission}</source>
        <translation>权限不足：{who} 不得{permission}</translation>
    </message>
    <message>
        <source>Plate &apos;{plate}&apos; contains I or O, which Chinese plates never use</source>
        <translation>车牌“{plate}”含有 I 或 O，中国车牌不使用这两个字母</translation>
    </message>
    <message>
        <source>Plate &apos;{plate}&apos; has 8 characters, so it must be a new-energy plate: D or F (or A–K) as its 3rd character followed by 5 characters ending in 4 digits, or 5 digits then D or F at the end</source>
        <translation>车牌“{plate}”有 8 位，应为新能源号牌：小型车第 3 位为 D 或 F（或 A–K），其后 5 位以 4 位数字结尾；大型车为 5 位数字后以 D 或 F 结尾</translation>
    </message>
    <message>
        <source>Plate &apos;{plate}&apos; has {count} characters; a Chinese plate has 7 (8 for a new-energy plate)</source>
        <translation>车牌“{plate}”有 {count} 位；中国车牌为 7 位（新能源号牌 8 位）</translation>
    </message>
    <message>
        <source>Plate &apos;{plate}&apos; is not a valid Chinese plate: a province character, the office&apos;s letter, then 5 letters or digits</source>
        <translation>车牌“{plate}”不是有效的中国车牌：省份简称、发牌机关代号字母，再加 5 位字母或数字</translation>
    </message>
    <message>
        <source>Plate &apos;{plate}&apos; must start with a province character such as 沪, 京 or 粤</source>
        <translation>车牌“{plate}”应以省份简称开头，如沪、京、粤</translation>
    </message>
    <message>
        <source>Plate {plate} is already on vehicle {vin}</source>
        <translation>车牌 {plate} 已属于车辆 {vin}</translation>
    </message>
    <message>
        <source>Posted on {day}, before the series&apos; last document of {last}: {reason}</source>
        <translation>记账日期 {day}，早于该序列最后一张单据的日期 {last}：{reason}</translation>
    </message>
    <message>
        <source>Pre-delivery inspection (PDI)</source>
        <translation>交车前检查（PDI）</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Rate every point before finishing the check: &apos;{name}&apos; and {count} more are not rated</source>
        <translation>完成检查前请评定所有项目：“{name}”等 {count} 项尚未评定</translation>
    </message>
    <message>
        <source>Rate every point before finishing the check: &apos;{name}&apos; is not rated</source>
        <translation>完成检查前请评定所有项目：“{name}”尚未评定</translation>
    </message>
    <message>
        <source>Read a page after a position or before one, not both</source>
        <translation>只能读取某个位置之后或之前的一页，不能同时</translation>
    </message>
    <message>
        <source>Rebate {manufacturer}</source>
        <translation>返利 {manufacturer}</translation>
    </message>
    <message>
        <source>Rebate {manufacturer} {campaign}</source>
        <translation>返利 {manufacturer} {campaign}</translation>
    </message>
    <message>
        <source>Receipt {method} {reference} · {customer}</source>
        <translation>收款 {method} {reference} · {customer}</translation>
    </message>
    <message>
        <source>Receipt {method} · {customer}</source>
        <translation>收款 {method} · {customer}</translation>
    </message>
    <message>
        <source>Refund {method} {reference} · {customer}</source>
        <translation>退款 {method} {reference} · {customer}</translation>
    </message>
    <message>
        <source>Refund {method} · {customer}</source>
        <translation>退款 {method} · {customer}</translation>
    </message>
    <message>
        <source>Registration not done</source>
        <translation>未上牌</translation>
    </message>
    <message>
        <source>Repair order {number} has a customer&apos;s excess but no insurance work</source>
        <translation>工单 {number} 有客户自付额，但没有保险维修作业</translation>
    </message>
    <message>
        <source>Repair order {number} has internal work, and nobody is set to be invoiced for it: choose the dealership&apos;s own account under Labour rates</source>
        <translation>工单 {number} 有内部作业，但未设定向谁开票：请在“工时单价”中选择本店自己的账户</translation>
    </message>
    <message>
        <source>Repair order {number} has no jobs to invoice</source>
        <translation>维修工单 {number} 没有可结算的作业</translation>
    </message>
    <message>
        <source>Repair order {number} has not been handed over: no survey is due</source>
        <translation>工单 {number} 尚未交车，没有待办的回访</translation>
    </message>
    <message>
        <source>Repair order {number} has nothing to invoice: no hours, parts or other lines</source>
        <translation>维修工单 {number} 没有可结算的内容：没有工时、配件或其他项目</translation>
    </message>
    <message>
        <source>Repair order {number} has warranty work, and nobody is set to be invoiced for it: choose the maker under Labour rates</source>
        <translation>工单 {number} 有保修作业，但未设定向谁开票：请在“工时单价”中选择厂家</translation>
    </message>
    <message>
        <source>Repair order {number} is {status} and can no longer change</source>
        <translation>维修工单 {number} 状态为{status}，不能再修改</translation>
    </message>
    <message>
        <source>Repair order {number} is {status}: its parts can no longer move</source>
        <translation>维修工单 {number} 状态为{status}：其配件不能再变动</translation>
    </message>
    <message>
        <source>Repair order {number} is {status}: its work can no longer change</source>
        <translation>维修工单 {number} 状态为{status}：其作业不能再修改</translation>
    </message>
    <message>
        <source>Repair order {number} is {status}: nobody can clock on it</source>
        <translation>维修工单 {number} 状态为{status}：不能再开始作业</translation>
    </message>
    <message>
        <source>Repair order {number} is {status}; only a completed repair order can be invoiced</source>
        <translation>维修工单 {number} 状态为{status}；只有已完工的维修工单才能结算</translation>
    </message>
    <message>
        <source>Repair order {number} is {status}; only an invoiced repair order can be handed over</source>
        <translation>工单 {number} 的状态为 {status}；只有已结算的工单才能交车</translation>
    </message>
    <message>
        <source>Reserve a quantity more than zero</source>
        <translation>预留数量须大于零</translation>
    </message>
    <message>
        <source>Restoring {backup_path} into {db_path} failed ({exc}). The previous database is kept as {safety}.</source>
        <translation>将 {backup_path} 恢复到 {db_path} 失败（{exc}）。原数据库保留为 {safety}。</translation>
    </message>
    <message>
        <source>Return the issued parts and release the reservation before removing the line</source>
        <translation>删除此行前请先退回已发配件并释放预留</translation>
    </message>
    <message>
        <source>Role &apos;{code}&apos; not found</source>
        <translation>未找到角色“{code}”</translation>
    </message>
    <message>
        <source>Role {role} is not known</source>
        <translation>角色 {role} 不存在</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Say how many hours are sold</source>
        <translation>请填写销售工时</translation>
    </message>
    <message>
        <source>Say how many hours the work takes, or book labour operations</source>
        <translation>请填写所需工时，或选择工时项目</translation>
    </message>
    <message>
        <source>Say in a few words why the lead was lost</source>
        <translation>请简要说明战败原因</translation>
    </message>
    <message>
        <source>Say to whom it was handed over</source>
        <translation>请填写移交给谁</translation>
    </message>
    <message>
        <source>Say what came of the follow-up</source>
        <translation>请填写跟进的结果</translation>
    </message>
    <message>
        <source>Say what is to be done</source>
        <translation>请填写要做的事项</translation>
    </message>
    <message>
        <source>Say what the stock is reserved for</source>
        <translation>请说明库存预留的用途</translation>
    </message>
    <message>
        <source>Say what work the customer asks for</source>
        <translation>请填写客户委托的项目</translation>
    </message>
    <message>
        <source>Say when the car comes</source>
        <translation>请填写到店时间</translation>
    </message>
    <message>
        <source>Say where on the car the damage is</source>
        <translation>请说明损伤在车辆的什么位置</translation>
    </message>
    <message>
        <source>Say which system &apos;{name}&apos; belongs to</source>
        <translation>请说明“{name}”属于哪个系统</translation>
    </message>
    <message>
        <source>Say whom the outstanding finance is owed to</source>
        <translation>请填写未结清贷款的贷款机构</translation>
    </message>
    <message>
        <source>Say why the appointment is cancelled</source>
        <translation>请说明取消预约的原因</translation>
    </message>
    <message>
        <source>Say why the deal is cancelled</source>
        <translation>请说明取消销售单的原因</translation>
    </message>
    <message>
        <source>Say why the deal is sent back: the salesperson reads the note</source>
        <translation>请说明退回原因：销售顾问会看到这条备注</translation>
    </message>
    <message>
        <source>Say why the stock is adjusted</source>
        <translation>请说明库存调整的原因</translation>
    </message>
    <message>
        <source>Say why the times are corrected</source>
        <translation>请说明更正时间的原因</translation>
    </message>
    <message>
        <source>Set up at least two levels: the salesperson alone and an approver</source>
        <translation>至少设置两级：销售顾问自行决定和一级审批人</translation>
    </message>
    <message>
        <source>Several stock counts are open ({items}): name the one to fill</source>
        <translation>有多张盘点单在进行中（{items}）：请指定要填写的一张</translation>
    </message>
    <message>
        <source>Source must be one of {items}</source>
        <translation>来源必须是以下之一：{items}</translation>
    </message>
    <message>
        <source>Status must be one of {items}</source>
        <translation>状态必须是以下之一：{items}</translation>
    </message>
    <message>
        <source>Stock cannot move on a future date ({day})</source>
        <translation>库存不能在未来日期变动（{day}）</translation>
    </message>
    <message>
        <source>Stock number {number} is already used</source>
        <translation>库存编号 {number} 已被使用</translation>
    </message>
    <message>
        <source>Stock of {part} adjusted: {reason}</source>
        <translation>配件 {part} 库存已调整：{reason}</translation>
    </message>
    <message>
        <source>Stock vehicle {number} is held by another deal{other}</source>
        <translation>库存车辆 {number} 已被另一销售单占用{other}</translation>
    </message>
    <message>
        <source>Stock vehicle {number} is sold: its purchase cost is the one its sale was booked with; add a cost instead</source>
        <translation>库存车辆 {number} 已售出：采购成本以销售入账时为准；请改为添加费用</translation>
    </message>
    <message>
        <source>Stock vehicle {number} is {status}: it cannot be {action}</source>
        <translation>库存车辆 {number} {status}：不能{action}</translation>
    </message>
    <message>
        <source>Stock vehicle {number} was delivered: credit its price only, or take the car back in as a trade-in</source>
        <translation>库存车辆 {number} 已交车：只能冲红价格，或作为置换车收回</translation>
    </message>
    <message>
        <source>Stock vehicle {number} was delivered: it has left stock</source>
        <translation>库存车辆 {number} 已交车，已出库</translation>
    </message>
    <message>
        <source>Stock vehicle {number}&apos;s arrival is in the books: its day can be corrected only on the day the arrival was entered</source>
        <translation>库存车辆 {number} 的到库已入账：只能在录入到库的当天更正到库日期</translation>
    </message>
    <message>
        <source>Stock vehicle {number}&apos;s sale or return was booked on {day}: date the cost on or after it</source>
        <translation>库存车辆 {number} 的销售或退回已于 {day} 入账：费用日期须在该日或之后</translation>
    </message>
    <message>
        <source>Stock {kind}</source>
        <translation>库存{kind}</translation>
    </message>
    <message>
        <source>Stock {kind} {reference}</source>
        <translation>库存{kind} {reference}</translation>
    </message>
    <message>
        <source>Supplier &apos;{name}&apos; is inactive</source>
        <translation>供应商“{name}”已停用</translation>
    </message>
    <message>
        <source>Taken into stock</source>
        <translation>已入库</translation>
    </message>
    <message>
        <source>Tax code &apos;{code}&apos; already exists</source>
        <translation>税码“{code}”已存在</translation>
    </message>
    <message>
        <source>Tax rate {id} not found</source>
        <translation>未找到税率 {id}</translation>
    </message>
    <message>
        <source>Tax recomputed at posting with the rates in force: {detail}</source>
        <translation>记账时按现行税率重新计算税额：{detail}</translation>
    </message>
    <message>
        <source>The ID number is masked: type the full number</source>
        <translation>证件号码已隐藏，请输入完整号码</translation>
    </message>
    <message>
        <source>The amount is more than the deal&apos;s total ({total})</source>
        <translation>金额超过销售单总额（{total}）</translation>
    </message>
    <message>
        <source>The amount must be more than zero</source>
        <translation>金额必须大于零</translation>
    </message>
    <message>
        <source>The appointment at {when} has not come yet</source>
        <translation>{when} 的预约时间还未到</translation>
    </message>
    <message>
        <source>The appointment no longer exists</source>
        <translation>该预约已不存在</translation>
    </message>
    <message>
        <source>The arrival day is in the future</source>
        <translation>到店日期晚于今天</translation>
    </message>
    <message>
        <source>The attendance no longer exists</source>
        <translation>该出勤记录已不存在</translation>
    </message>
    <message>
        <source>The audit key file {path} cannot be read ({exc}).</source>
        <translation>无法读取审计密钥文件 {path}（{exc}）。</translation>
    </message>
    <message>
        <source>The audit key of this database (id {db_id}) is missing: it is neither in the keyring ({KEYRING_SERVICE}) nor in {db_id2}. Copy the key file from the computer the database came from; nothing was written.</source>
        <translation>此数据库（编号 {db_id}）的审计密钥缺失：既不在密钥环（{KEYRING_SERVICE}）中，也不在 {db_id2} 中。请从数据库来源的电脑复制密钥文件；未写入任何内容。</translation>
    </message>
    <message>
        <source>The audit trail of this database says it is keyed from entry {keyed_from}, but its key was made for entry {keyed_from2}: the trail was tampered with. Nothing was written; run &apos;forecourt audit verify&apos;.</source>
        <translation>此数据库的审计记录表明其密钥始于第 {keyed_from} 条，但密钥是为第 {keyed_from2} 条生成的：审计记录已被篡改。未写入任何内容；请运行“forecourt audit verify”。</translation>
    </message>
    <message>
        <source>The availability is a percentage from 0 to 100</source>
        <translation>可用比例须为 0 到 100 的百分数</translation>
    </message>
    <message>
        <source>The backup file {path} cannot be opened ({exc}).</source>
        <translation>无法打开备份文件 {path}（{exc}）。</translation>
    </message>
    <message>
        <source>The backup file {path} cannot be read: {value3}.</source>
        <translation>无法读取备份文件 {path}：{value3}。</translation>
    </message>
    <message>
        <source>The backup file {path} does not exist.</source>
        <translation>备份文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>The backup file {path} is damaged ({exc}).</source>
        <translation>备份文件 {path} 已损坏（{exc}）。</translation>
    </message>
    <message>
        <source>The backup file {path} is damaged: {problem}.</source>
        <translation>备份文件 {path} 已损坏：{problem}。</translation>
    </message>
    <message>
        <source>The backup {path} was made by a newer version of Forecourt (schema {revision}). Install that version to use it.</source>
        <translation>备份 {path} 由较新版本的 Forecourt 创建（结构 {revision}）。请安装该版本后使用。</translation>
    </message>
    <message>
        <source>The bin range ends before it starts ({bin_from} – {bin_to})</source>
        <translation>货位范围的结束早于开始（{bin_from} – {bin_to}）</translation>
    </message>
    <message>
        <source>The birth date is in the future</source>
        <translation>出生日期在未来</translation>
    </message>
    <message>
        <source>The booking from {start} to {end} on {day} is outside the working hours of {who} ({opens}–{closes}): choose a time within them, or ask the foreman</source>
        <translation>{day} {start} 至 {end} 的预约超出了{who}的工作时间（{opens}–{closes}）：请在工作时间内选择时间，或请车间主管处理</translation>
    </message>
    <message>
        <source>The booking from {start} to {end} on {day} is outside the working hours of {who} ({opens}–{closes}): choose a time within them, or overbook with a reason</source>
        <translation>{day} {start} 至 {end} 的预约超出了{who}的工作时间（{opens}–{closes}）：请在工作时间内选择时间，或填写原因超额预约</translation>
    </message>
    <message>
        <source>The campaign does not apply to this vehicle</source>
        <translation>该活动不适用于此车辆</translation>
    </message>
    <message>
        <source>The campaign no longer exists</source>
        <translation>该活动已不存在</translation>
    </message>
    <message>
        <source>The car cannot arrive before it was ordered</source>
        <translation>到店日期不能早于订车日期</translation>
    </message>
    <message>
        <source>The car cannot arrive before it was produced</source>
        <translation>到店日期不能早于生产日期</translation>
    </message>
    <message>
        <source>The car cannot be promised before it comes</source>
        <translation>承诺交车时间不能早于到店时间</translation>
    </message>
    <message>
        <source>The car has not arrived yet: move it into stock instead</source>
        <translation>车辆尚未到店：请改用“状态推进”入库</translation>
    </message>
    <message>
        <source>The car is in stock as {number}</source>
        <translation>该车已作为 {number} 在库</translation>
    </message>
    <message>
        <source>The car is {status} as {number}: its status changes on the stock screen</source>
        <translation>该车以 {number} {status}：状态请在库存车辆界面变更</translation>
    </message>
    <message>
        <source>The car of deal {deal} is taken back with its whole invoice: credit all of {invoice}, then invoice the deal again</source>
        <translation>销售单 {deal} 的车辆须连同整张发票退回：请冲红 {invoice} 全部内容，再重新为该销售单开票</translation>
    </message>
    <message>
        <source>The car&apos;s costs would be more than can be stored</source>
        <translation>车辆成本合计将超出可存储的范围</translation>
    </message>
    <message>
        <source>The cash desk day {day} of terminal {terminal} is already closed and cannot be changed</source>
        <translation>终端 {terminal} 的收银日 {day} 已结账，不能更改</translation>
    </message>
    <message>
        <source>The cash desk day {day} of terminal {terminal} is closed; record the payment on an open day</source>
        <translation>终端 {terminal} 的收银日 {day} 已结账；请在未结账的日期登记付款</translation>
    </message>
    <message>
        <source>The catalogue model no longer exists</source>
        <translation>该目录车系已不存在</translation>
    </message>
    <message>
        <source>The check digit (9th character) of &apos;{raw}&apos; should be {expected}</source>
        <translation>“{raw}”的校验位（第 9 个字符）应为 {expected}</translation>
    </message>
    <message>
        <source>The clocking no longer exists</source>
        <translation>该打卡记录已不存在</translation>
    </message>
    <message>
        <source>The clocking on {what} ({start}–{end}) would lie outside the attendance: correct or clock it off first</source>
        <translation>{what} 的作业记录（{start}–{end}）将落在出勤时间之外：请先更正该记录或停止作业</translation>
    </message>
    <message>
        <source>The code &apos;{code}&apos; is the reason &apos;{other}&apos; ({description})</source>
        <translation>代码“{code}”即原因“{other}”（{description}）</translation>
    </message>
    <message>
        <source>The comeback period is 1 to 365 days</source>
        <translation>返修判定期为 1 到 365 天</translation>
    </message>
    <message>
        <source>The commission is more than the premium</source>
        <translation>佣金超过保费</translation>
    </message>
    <message>
        <source>The condition is new or used</source>
        <translation>新旧只能是新车或二手车</translation>
    </message>
    <message>
        <source>The copy of {source_path} failed its integrity check ({problem}); the database itself may be damaged. Restore it from an earlier backup.</source>
        <translation>{source_path} 的副本未通过完整性检查（{problem}）；数据库本身可能已损坏。请从更早的备份恢复。</translation>
    </message>
    <message>
        <source>The counted cash cannot be negative</source>
        <translation>实点现金不能为负数</translation>
    </message>
    <message>
        <source>The counted cash differs from the expected cash; explain the difference in a note</source>
        <translation>实点现金与应有现金不符，请在备注中说明差额原因</translation>
    </message>
    <message>
        <source>The credit belongs to another customer</source>
        <translation>该余额属于另一位客户</translation>
    </message>
    <message>
        <source>The credit would exceed invoice {number}&apos;s total</source>
        <translation>该余额将超过发票 {number} 的总额</translation>
    </message>
    <message>
        <source>The current password is wrong</source>
        <translation>当前密码错误</translation>
    </message>
    <message>
        <source>The customer has already {status} this estimate</source>
        <translation>客户对此报价的答复已是：{status}</translation>
    </message>
    <message>
        <source>The customer holds only {amount} in credit on {day}</source>
        <translation>客户在 {day} 的余额只有 {amount}</translation>
    </message>
    <message>
        <source>The customer is not known</source>
        <translation>客户未知</translation>
    </message>
    <message>
        <source>The customer no longer exists</source>
        <translation>该客户已不存在</translation>
    </message>
    <message>
        <source>The customer to bill is not known</source>
        <translation>未知的结算客户</translation>
    </message>
    <message>
        <source>The customer&apos;s excess cannot be more than the approved amount</source>
        <translation>客户的免赔额不能超过核定金额</translation>
    </message>
    <message>
        <source>The customer&apos;s excess is more than the insurance work comes to ({amount})</source>
        <translation>客户自付额超过了保险维修金额（{amount}）</translation>
    </message>
    <message>
        <source>The database {db_path} is in use by another program. Close it and try again; nothing was restored.</source>
        <translation>数据库 {db_path} 正被其他程序使用。请关闭后重试；未恢复任何内容。</translation>
    </message>
    <message>
        <source>The database {path} cannot be opened.</source>
        <translation>无法打开数据库 {path}。</translation>
    </message>
    <message>
        <source>The database {path} cannot be read: permission denied.</source>
        <translation>无法读取数据库 {path}：权限被拒绝。</translation>
    </message>
    <message>
        <source>The database {path} does not exist. Create it with &apos;forecourt init&apos; or &apos;forecourt demo&apos;.</source>
        <translation>数据库 {path} 不存在。请用“forecourt init”或“forecourt demo”创建。</translation>
    </message>
    <message>
        <source>The database {path} has no Forecourt data yet. Set it up with &apos;forecourt init&apos; or &apos;forecourt demo&apos;.</source>
        <translation>数据库 {path} 还没有 Forecourt 数据。请用“forecourt init”或“forecourt demo”进行设置。</translation>
    </message>
    <message>
        <source>The database {path} has the schema of an older version of Forecourt. Upgrade it first with &apos;forecourt init&apos; (or by starting the desktop program); nothing was changed.</source>
        <translation>数据库 {path} 为旧版本 Forecourt 的结构。请先用“forecourt init”（或启动桌面程序）升级；未更改任何内容。</translation>
    </message>
    <message>
        <source>The database {path} is damaged ({problem}). Restore it from a backup.</source>
        <translation>数据库 {path} 已损坏（{problem}）。请从备份恢复。</translation>
    </message>
    <message>
        <source>The database {path} is locked by another program that has been writing for over {value3} s. Close the other program and try again.</source>
        <translation>数据库 {path} 被另一个已写入超过 {value3} 秒的程序锁定。请关闭该程序后重试。</translation>
    </message>
    <message>
        <source>The database {path} is locked by another program. Close the other program and try again.</source>
        <translation>数据库 {path} 被其他程序锁定。请关闭该程序后重试。</translation>
    </message>
    <message>
        <source>The database {path} is read-only. Check the file&apos;s permissions or copy it to a writable folder.</source>
        <translation>数据库 {path} 为只读。请检查文件权限，或将其复制到可写的文件夹。</translation>
    </message>
    <message>
        <source>The database {path} was not set up completely (the program creating it was stopped). Finish it with &apos;forecourt init&apos;; nothing was changed.</source>
        <translation>数据库 {path} 未完成设置（创建它的程序被中断）。请用“forecourt init”完成；未更改任何内容。</translation>
    </message>
    <message>
        <source>The database {path} was written by a newer version of Forecourt (schema {rev}). Install the newer version to open it; nothing was changed.</source>
        <translation>数据库 {path} 由较新版本的 Forecourt 写入（结构 {rev}）。请安装较新版本后打开；未更改任何内容。</translation>
    </message>
    <message>
        <source>The database {source_path} is locked by another program. Close it and try again.</source>
        <translation>数据库 {source_path} 被其他程序锁定。请关闭后重试。</translation>
    </message>
    <message>
        <source>The database {source} is locked by another program. Close it and try again.</source>
        <translation>数据库 {source} 被其他程序锁定。请关闭后重试。</translation>
    </message>
    <message>
        <source>The day cannot be in the future</source>
        <translation>日期不能晚于今天</translation>
    </message>
    <message>
        <source>The day is after the lender&apos;s decision</source>
        <translation>日期晚于贷款机构的审批日期</translation>
    </message>
    <message>
        <source>The day is before the application was submitted</source>
        <translation>日期早于申请提交日期</translation>
    </message>
    <message>
        <source>The day is before the appraisal</source>
        <translation>日期早于评估日期</translation>
    </message>
    <message>
        <source>The day is before the loan was approved</source>
        <translation>日期早于贷款批准日期</translation>
    </message>
    <message>
        <source>The day is in the future</source>
        <translation>日期晚于今天</translation>
    </message>
    <message>
        <source>The day is in the future: the stock of a day is known once it has come</source>
        <translation>日期在未来：某日的库存要到当日才能知道</translation>
    </message>
    <message>
        <source>The deal is not known</source>
        <translation>找不到该销售单</translation>
    </message>
    <message>
        <source>The deal is not one of this customer&apos;s open deals</source>
        <translation>该销售单不是此客户的有效销售单</translation>
    </message>
    <message>
        <source>The deal no longer exists</source>
        <translation>该销售单已不存在</translation>
    </message>
    <message>
        <source>The deal&apos;s discount must be between zero and the lines&apos; amount after their own discounts</source>
        <translation>整单优惠须在零与各行扣除行优惠后的金额之间</translation>
    </message>
    <message>
        <source>The dealership name is required</source>
        <translation>必须填写经销商名称</translation>
    </message>
    <message>
        <source>The dealership&apos;s rule stays; set it to zero instead</source>
        <translation>经销店规则不能删除，可将其设为零</translation>
    </message>
    <message>
        <source>The declined work was for another vehicle</source>
        <translation>拒绝的项目属于另一辆车</translation>
    </message>
    <message>
        <source>The deposit is more than the deal&apos;s total</source>
        <translation>定金超过销售单合计</translation>
    </message>
    <message>
        <source>The discount must be between zero and the line amount</source>
        <translation>折扣必须在零与行金额之间</translation>
    </message>
    <message>
        <source>The driving licence has expired: no test drive</source>
        <translation>驾驶证已过期：不能试驾</translation>
    </message>
    <message>
        <source>The driving licence number is needed</source>
        <translation>需要填写驾驶证号</translation>
    </message>
    <message>
        <source>The driving licence&apos;s expiry date is needed</source>
        <translation>需要填写驾驶证有效期</translation>
    </message>
    <message>
        <source>The due date is in the past</source>
        <translation>到期日已过</translation>
    </message>
    <message>
        <source>The end is before the start</source>
        <translation>结束早于开始</translation>
    </message>
    <message>
        <source>The end is in the future</source>
        <translation>结束时间在将来</translation>
    </message>
    <message>
        <source>The estimate no longer exists</source>
        <translation>该报价已不存在</translation>
    </message>
    <message>
        <source>The file has no column &apos;{header}&apos; (for {name})</source>
        <translation>文件中没有“{header}”列（用于 {name}）</translation>
    </message>
    <message>
        <source>The file {path} is a SQLite database but not a Forecourt database.</source>
        <translation>文件 {path} 是 SQLite 数据库，但不是 Forecourt 数据库。</translation>
    </message>
    <message>
        <source>The file {path} is not a Forecourt database or it is damaged. Restore it from a backup.</source>
        <translation>文件 {path} 不是 Forecourt 数据库或已损坏。请从备份恢复。</translation>
    </message>
    <message>
        <source>The file {path} is not a Forecourt database.</source>
        <translation>文件 {path} 不是 Forecourt 数据库。</translation>
    </message>
    <message>
        <source>The file {path} is not a SQLite database, so it is not a Forecourt backup.</source>
        <translation>文件 {path} 不是 SQLite 数据库，因此不是 Forecourt 备份。</translation>
    </message>
    <message>
        <source>The file {source} is damaged and cannot be copied ({exc}).</source>
        <translation>文件 {source} 已损坏，无法复制（{exc}）。</translation>
    </message>
    <message>
        <source>The follow-up task no longer exists</source>
        <translation>该跟进任务已不存在</translation>
    </message>
    <message>
        <source>The fuel level is 0 to 8 eighths of a tank</source>
        <translation>油量为 0 到 8（以八分之一油箱计）</translation>
    </message>
    <message>
        <source>The health check no longer exists</source>
        <translation>该健康检查已不存在</translation>
    </message>
    <message>
        <source>The health-check item no longer exists</source>
        <translation>该健康检查项目已不存在</translation>
    </message>
    <message>
        <source>The insurance claim no longer exists</source>
        <translation>该保险理赔已不存在</translation>
    </message>
    <message>
        <source>The insurance policy no longer exists</source>
        <translation>该保险保单已不存在</translation>
    </message>
    <message>
        <source>The insurer has paid {session} on claim {claim_number}; settle it instead</source>
        <translation>保险公司已就理赔 {claim_number} 支付 {session}；请改为结案</translation>
    </message>
    <message>
        <source>The insurer is not a customer</source>
        <translation>该保险公司不是客户档案中的客户</translation>
    </message>
    <message>
        <source>The insurer owes only {session} on claim {claim_number} (approved amount less the customer&apos;s excess, less payouts)</source>
        <translation>保险公司在理赔 {claim_number} 上仅欠 {session}（核定金额减客户免赔额，再减已赔付）</translation>
    </message>
    <message>
        <source>The invoice discount must be between zero and the lines&apos; amount after their own discounts</source>
        <translation>整单折扣须在零与各行扣除行折扣后的金额之间</translation>
    </message>
    <message>
        <source>The invoice is not posted</source>
        <translation>发票尚未开具</translation>
    </message>
    <message>
        <source>The invoice is still a draft</source>
        <translation>发票仍是草稿</translation>
    </message>
    <message>
        <source>The invoice no longer exists</source>
        <translation>该发票已不存在</translation>
    </message>
    <message>
        <source>The job no longer exists</source>
        <translation>该作业已不存在</translation>
    </message>
    <message>
        <source>The kind must be one of {items}</source>
        <translation>类型必须是以下之一：{items}</translation>
    </message>
    <message>
        <source>The labour operation no longer exists</source>
        <translation>该工时项目已不存在</translation>
    </message>
    <message>
        <source>The last active owner cannot be disabled</source>
        <translation>不能停用最后一个启用的店主账户</translation>
    </message>
    <message>
        <source>The last active owner cannot be given another role</source>
        <translation>不能为最后一个启用的店主更换角色</translation>
    </message>
    <message>
        <source>The last day is before the first day</source>
        <translation>最后一天早于第一天</translation>
    </message>
    <message>
        <source>The last level approves any deal: leave its limits empty</source>
        <translation>最后一级可批准任何销售单：请不要设限额</translation>
    </message>
    <message>
        <source>The last {what} of this series is dated {last}; posting on {on} would number documents out of date order. Give a reason to back-date it</source>
        <translation>该系列最后一张{what}的日期为 {last}；在 {on} 过账会使单据编号与日期顺序不符。请说明倒签日期的原因</translation>
    </message>
    <message>
        <source>The lead is lost, awaiting confirmation: a sales manager confirms or reopens it</source>
        <translation>该线索战败待确认：由销售经理确认或重新打开</translation>
    </message>
    <message>
        <source>The lead is not known</source>
        <translation>找不到该销售线索</translation>
    </message>
    <message>
        <source>The lead is {status}: reopen it first</source>
        <translation>该线索{status}：请先重新打开</translation>
    </message>
    <message>
        <source>The lead is {status}: there is nothing to reopen</source>
        <translation>该线索{status}：无需重新打开</translation>
    </message>
    <message>
        <source>The lead time is 0 to 365 days</source>
        <translation>交货期为 0 到 365 天</translation>
    </message>
    <message>
        <source>The line is not on {number}</source>
        <translation>该明细行不在 {number} 上</translation>
    </message>
    <message>
        <source>The line no longer exists</source>
        <translation>该行已不存在</translation>
    </message>
    <message>
        <source>The list cannot be sorted by &apos;{key}&apos;</source>
        <translation>列表不能按“{key}”排序</translation>
    </message>
    <message>
        <source>The loan application is {status}: it cannot be {action}</source>
        <translation>贷款申请{status}：不能改为{action}</translation>
    </message>
    <message>
        <source>The loan application no longer exists</source>
        <translation>该贷款申请已不存在</translation>
    </message>
    <message>
        <source>The loan application was rejected: submit a new one instead</source>
        <translation>贷款申请已被拒绝：请重新提交一份</translation>
    </message>
    <message>
        <source>The loan has been paid out: it can no longer be changed</source>
        <translation>贷款已放款：不能再修改</translation>
    </message>
    <message>
        <source>The logo must be a PNG or JPEG image</source>
        <translation>标志必须是 PNG 或 JPEG 图片</translation>
    </message>
    <message>
        <source>The logo must be smaller than 2 MB</source>
        <translation>标志必须小于 2 MB</translation>
    </message>
    <message>
        <source>The low-stock threshold is a whole number from 0 to 999</source>
        <translation>低库存预警线为 0 到 999 的整数</translation>
    </message>
    <message>
        <source>The make is required</source>
        <translation>品牌必填</translation>
    </message>
    <message>
        <source>The make is required (it could not be read from the VIN)</source>
        <translation>必须填写品牌（无法从 VIN 读出）</translation>
    </message>
    <message>
        <source>The maximum cannot be below the minimum</source>
        <translation>最大值不能低于最小值</translation>
    </message>
    <message>
        <source>The method must be one of {items}</source>
        <translation>付款方式须为 {items} 之一</translation>
    </message>
    <message>
        <source>The method {code} is listed twice</source>
        <translation>付款方式 {code} 重复列出</translation>
    </message>
    <message>
        <source>The method {code} is used by payments; it can be switched off, not removed</source>
        <translation>付款方式 {code} 已有付款使用，只能停用，不能删除</translation>
    </message>
    <message>
        <source>The mileage is a whole number of km from 0 to 9,999,999</source>
        <translation>里程须为 0 到 9,999,999 之间的整数公里</translation>
    </message>
    <message>
        <source>The mileage must be a whole number of kilometres, 0 or more</source>
        <translation>里程须为 0 或以上的整数公里</translation>
    </message>
    <message>
        <source>The mileage out {mileage:,} km is lower than the mileage in {mileage_in:,} km</source>
        <translation>交车里程 {mileage:,} km 低于进厂里程 {mileage_in:,} km</translation>
    </message>
    <message>
        <source>The mileage {mileage:,} km is lower than the last recorded {last:,} km ({where}); check it, or confirm it with a reason</source>
        <translation>里程 {mileage:,} 公里低于上次记录的 {last:,} 公里（{where}）；请核对，或填写原因后确认</translation>
    </message>
    <message>
        <source>The model is required</source>
        <translation>必须填写车型</translation>
    </message>
    <message>
        <source>The model year must be between 1900 and {value1}</source>
        <translation>年款必须在 1900 到 {value1} 之间</translation>
    </message>
    <message>
        <source>The model year must be between 1990 and 2100</source>
        <translation>年款必须在 1990 到 2100 之间</translation>
    </message>
    <message>
        <source>The name is longer than 200 characters</source>
        <translation>名称超过 200 个字符</translation>
    </message>
    <message>
        <source>The new password must differ from the current one</source>
        <translation>新密码必须与当前密码不同</translation>
    </message>
    <message>
        <source>The next service must fall due above the mileage out ({mileage:,} km)</source>
        <translation>下次保养里程必须高于交车里程（{mileage:,} km）</translation>
    </message>
    <message>
        <source>The next service must fall due after the handover day ({day})</source>
        <translation>下次保养日期必须晚于交车日（{day}）</translation>
    </message>
    <message>
        <source>The note no longer exists</source>
        <translation>该备注已不存在</translation>
    </message>
    <message>
        <source>The odometer reading cannot be negative</source>
        <translation>里程数不能为负数</translation>
    </message>
    <message>
        <source>The odometer reads less than when the car went out</source>
        <translation>还车里程小于出车里程</translation>
    </message>
    <message>
        <source>The opening float cannot be negative</source>
        <translation>备用金不能为负数</translation>
    </message>
    <message>
        <source>The option is not one of this model&apos;s</source>
        <translation>该选装不属于此车系</translation>
    </message>
    <message>
        <source>The owner is not a known customer</source>
        <translation>车主不是已知客户</translation>
    </message>
    <message>
        <source>The owner role must keep user and role administration</source>
        <translation>店主角色必须保留用户和角色管理权限</translation>
    </message>
    <message>
        <source>The package no longer exists</source>
        <translation>该套餐已不存在</translation>
    </message>
    <message>
        <source>The part cannot have failed after the car came in ({day})</source>
        <translation>故障日期不能晚于车辆进厂日期（{day}）</translation>
    </message>
    <message>
        <source>The part is not in the catalogue</source>
        <translation>零件不在目录中</translation>
    </message>
    <message>
        <source>The part is not on count {number}</source>
        <translation>零件不在盘点单 {number} 上</translation>
    </message>
    <message>
        <source>The part no longer exists</source>
        <translation>该零件已不存在</translation>
    </message>
    <message>
        <source>The parts line no longer exists</source>
        <translation>该配件行已不存在</translation>
    </message>
    <message>
        <source>The parts to prepare cover at most a month</source>
        <translation>备件清单最多涵盖一个月</translation>
    </message>
    <message>
        <source>The payment ({session}) is more than the open balance allocated ({session2}); choose to hold the excess as credit</source>
        <translation>付款（{session}）超过已分配的未结余额（{session2}）；请选择将超出部分作为余额保留</translation>
    </message>
    <message>
        <source>The period ends before it starts</source>
        <translation>期间的结束早于开始</translation>
    </message>
    <message>
        <source>The policy has already been renewed</source>
        <translation>该保单已续保</translation>
    </message>
    <message>
        <source>The position was taken in the order of &apos;{sort}&apos;, not of &apos;{key}&apos;</source>
        <translation>位置是按“{sort}”排序取得的，而不是按“{key}”</translation>
    </message>
    <message>
        <source>The purchase order no longer exists</source>
        <translation>该采购订单已不存在</translation>
    </message>
    <message>
        <source>The quantity must be more than zero</source>
        <translation>数量必须大于零</translation>
    </message>
    <message>
        <source>The quantity must be more than zero; take goods back with a credit note</source>
        <translation>数量必须大于零；退货请开具贷项通知单</translation>
    </message>
    <message>
        <source>The rating must be one of {items}</source>
        <translation>结果必须是以下之一：{items}</translation>
    </message>
    <message>
        <source>The reason &apos;{code}&apos; is already called &apos;{description}&apos;</source>
        <translation>原因“{code}”已使用名称“{description}”</translation>
    </message>
    <message>
        <source>The rebate no longer exists</source>
        <translation>该返利已不存在</translation>
    </message>
    <message>
        <source>The registration date is in the future</source>
        <translation>登记日期在未来</translation>
    </message>
    <message>
        <source>The repair order no longer exists</source>
        <translation>该维修工单已不存在</translation>
    </message>
    <message>
        <source>The replacing part is not in the catalogue</source>
        <translation>替代零件不在目录中</translation>
    </message>
    <message>
        <source>The reservation no longer exists</source>
        <translation>该预留已不存在</translation>
    </message>
    <message>
        <source>The role is still given to users</source>
        <translation>该角色仍有用户在使用</translation>
    </message>
    <message>
        <source>The score is a whole number from 0 to 10</source>
        <translation>评分须为 0 到 10 之间的整数</translation>
    </message>
    <message>
        <source>The standard method {code} cannot be removed; switch it off instead</source>
        <translation>标准付款方式 {code} 不能删除，请改为停用</translation>
    </message>
    <message>
        <source>The statement ends before it starts</source>
        <translation>对账单的结束早于开始</translation>
    </message>
    <message>
        <source>The stock count no longer exists</source>
        <translation>该盘点单已不存在</translation>
    </message>
    <message>
        <source>The stock vehicle is not known</source>
        <translation>未知的库存车辆</translation>
    </message>
    <message>
        <source>The supersession chain of this part loops back on itself</source>
        <translation>该零件的替代链形成了循环</translation>
    </message>
    <message>
        <source>The supplier is not known</source>
        <translation>供应商未知</translation>
    </message>
    <message>
        <source>The supplier no longer exists</source>
        <translation>该供应商已不存在</translation>
    </message>
    <message>
        <source>The survey no longer exists</source>
        <translation>该回访已不存在</translation>
    </message>
    <message>
        <source>The survey of repair order {number} was already answered</source>
        <translation>工单 {number} 的回访已经录入</translation>
    </message>
    <message>
        <source>The template no longer exists</source>
        <translation>该模板已不存在</translation>
    </message>
    <message>
        <source>The test drive ends before it starts</source>
        <translation>试驾结束时间早于开始时间</translation>
    </message>
    <message>
        <source>The trade-in appraisal no longer exists</source>
        <translation>该二手车评估已不存在</translation>
    </message>
    <message>
        <source>The trade-in is {status}: it cannot be {action}</source>
        <translation>置换车{status}：不能改为{action}</translation>
    </message>
    <message>
        <source>The trade-in is {status}: its appraisal can no longer be changed</source>
        <translation>置换车{status}：评估不能再修改</translation>
    </message>
    <message>
        <source>The trade-in is {status}: only an accepted one is taken into stock</source>
        <translation>置换车{status}：只有已接受的才能入库</translation>
    </message>
    <message>
        <source>The trade-in&apos;s negative equity is charged untaxed, which needs an active tax code at 0 %: add one in the settings</source>
        <translation>置换车负资产按免税收取，需要一个启用的 0 % 税码：请在设置中添加</translation>
    </message>
    <message>
        <source>The trim is not in the catalogue</source>
        <translation>该配置不在车型目录中</translation>
    </message>
    <message>
        <source>The trim is not one of this model&apos;s</source>
        <translation>该配置不属于此车系</translation>
    </message>
    <message>
        <source>The unit cost cannot be negative</source>
        <translation>单位成本不能为负数</translation>
    </message>
    <message>
        <source>The unit price cannot be negative</source>
        <translation>单价不能为负数</translation>
    </message>
    <message>
        <source>The upgrade left a broken reference (table {table}, row {rowid} → {parent}); restore the backup made before the upgrade.</source>
        <translation>升级留下了失效的引用（表 {table}，行 {rowid} → {parent}）；请恢复升级前的备份。</translation>
    </message>
    <message>
        <source>The user name &apos;{name}&apos; is taken</source>
        <translation>用户名“{name}”已被使用</translation>
    </message>
    <message>
        <source>The value to keep must come from one of the merged customers</source>
        <translation>保留的值必须来自被合并的客户之一</translation>
    </message>
    <message>
        <source>The vehicle is not known</source>
        <translation>车辆未知</translation>
    </message>
    <message>
        <source>The vehicle no longer exists</source>
        <translation>该车辆已不存在</translation>
    </message>
    <message>
        <source>The walk-in customer cannot be merged</source>
        <translation>散客不能合并</translation>
    </message>
    <message>
        <source>The workshop</source>
        <translation>全车间</translation>
    </message>
    <message>
        <source>There is already a method named {name}</source>
        <translation>已有名为 {name} 的付款方式</translation>
    </message>
    <message>
        <source>There is already a reason with the code &apos;{code}&apos; ({description})</source>
        <translation>已有代码为“{code}”的原因（{description}）</translation>
    </message>
    <message>
        <source>There is already a template called &apos;{name}&apos;</source>
        <translation>已有名为“{name}”的模板</translation>
    </message>
    <message>
        <source>There is no active labour operation &apos;{code}&apos;</source>
        <translation>没有启用的工时项目“{code}”</translation>
    </message>
    <message>
        <source>There is no active service package &apos;{code}&apos;</source>
        <translation>没有启用的保养套餐“{code}”</translation>
    </message>
    <message>
        <source>There is no repair order {number}</source>
        <translation>没有工单 {number}</translation>
    </message>
    <message>
        <source>There is no stock count {number}</source>
        <translation>没有盘点单 {number}</translation>
    </message>
    <message>
        <source>There is no user called &apos;{name}&apos;</source>
        <translation>没有名为“{name}”的用户</translation>
    </message>
    <message>
        <source>There is no user called &apos;{username}&apos;</source>
        <translation>没有名为“{username}”的用户</translation>
    </message>
    <message>
        <source>There is no {kind} import preset called &apos;{name}&apos;</source>
        <translation>没有名为“{name}”的{kind}导入预设</translation>
    </message>
    <message>
        <source>These times overlap another of {who}&apos;s times</source>
        <translation>这些时间与 {who} 的另一段时间重叠</translation>
    </message>
    <message>
        <source>This account is locked after {MAX_FAILED_LOGINS} failed logins. Try again in {minutes} minute(s) or ask an administrator.</source>
        <translation>该账户在 {MAX_FAILED_LOGINS} 次登录失败后已锁定。请在 {minutes} 分钟后重试，或联系管理员。</translation>
    </message>
    <message>
        <source>This area is graded twice</source>
        <translation>该部位重复评级</translation>
    </message>
    <message>
        <source>This car already has an open appraisal</source>
        <translation>该车已有未完成的评估</translation>
    </message>
    <message>
        <source>This car is already in stock as {number}</source>
        <translation>该车已在库存中，编号 {number}</translation>
    </message>
    <message>
        <source>This follow-up was already done on {day}</source>
        <translation>该跟进已于 {day} 完成</translation>
    </message>
    <message>
        <source>This kind of reconditioning is priced twice</source>
        <translation>该类整备费用重复填写</translation>
    </message>
    <message>
        <source>This part is already in the kit</source>
        <translation>该配件已在配件包中</translation>
    </message>
    <message>
        <source>This survey was already answered on {day}</source>
        <translation>该回访已于 {day} 录入</translation>
    </message>
    <message>
        <source>This work has already been offered again</source>
        <translation>该项目已再次推荐过</translation>
    </message>
    <message>
        <source>Times of {technician} corrected from {start}–{end} to {new_start}–{new_end}: {note}</source>
        <translation>{technician} 的工时由 {start}–{end} 更正为 {new_start}–{new_end}：{note}</translation>
    </message>
    <message>
        <source>Too many failed logins: the account is locked for {value1} minutes.</source>
        <translation>登录失败次数过多：账户已锁定 {value1} 分钟。</translation>
    </message>
    <message>
        <source>Totals are per manufacturer or per campaign</source>
        <translation>合计按厂家或按活动统计</translation>
    </message>
    <message>
        <source>Trade-in negative equity</source>
        <translation>置换车负资产</translation>
    </message>
    <message>
        <source>Trade-in not taken into stock: {cars}</source>
        <translation>置换车尚未入库：{cars}</translation>
    </message>
    <message>
        <source>Trade-in on deal {number}</source>
        <translation>销售单 {number} 的置换车辆</translation>
    </message>
    <message>
        <source>Trade-in on deal {number} changed since its invoice was credited</source>
        <translation>销售单 {number} 的置换车在发票冲红后有变动</translation>
    </message>
    <message>
        <source>Trim {name} {year} is listed twice</source>
        <translation>配置 {name} {year} 重复</translation>
    </message>
    <message>
        <source>Trim {name} {year} is on stock vehicles, so it stays: untick Active instead of removing it</source>
        <translation>配置 {name} {year} 已有库存车辆使用，不能删除：请取消“启用”</translation>
    </message>
    <message>
        <source>Type or scan the repair order&apos;s number</source>
        <translation>请输入或扫描工单号</translation>
    </message>
    <message>
        <source>Unknown area &apos;{area}&apos;</source>
        <translation>未知部位“{area}”</translation>
    </message>
    <message>
        <source>Unknown column &apos;{key}&apos;</source>
        <translation>未知列“{key}”</translation>
    </message>
    <message>
        <source>Unknown country code &apos;{country}&apos;</source>
        <translation>未知国家代码“{country}”</translation>
    </message>
    <message>
        <source>Unknown currency &apos;{currency}&apos;</source>
        <translation>未知币种“{currency}”</translation>
    </message>
    <message>
        <source>Unknown document kind &apos;{kind}&apos;</source>
        <translation>未知的单证类别“{kind}”</translation>
    </message>
    <message>
        <source>Unknown document kind(s): {items}</source>
        <translation>未知的单证类别：{items}</translation>
    </message>
    <message>
        <source>Unknown document type &apos;{doc_type}&apos;</source>
        <translation>未知单据类型“{doc_type}”</translation>
    </message>
    <message>
        <source>Unknown document type &apos;{doc}&apos;</source>
        <translation>未知单据类型“{doc}”</translation>
    </message>
    <message>
        <source>Unknown field(s) to keep: {items}</source>
        <translation>未知的保留字段：{items}</translation>
    </message>
    <message>
        <source>Unknown filter(s) for list &apos;{name}&apos;: {items}</source>
        <translation>列表“{name}”的筛选条件未知：{items}</translation>
    </message>
    <message>
        <source>Unknown grade &apos;{grade}&apos;</source>
        <translation>未知等级“{grade}”</translation>
    </message>
    <message>
        <source>Unknown import &apos;{name}&apos;; choose one of {items}</source>
        <translation>未知导入“{name}”；请选择 {items} 之一</translation>
    </message>
    <message>
        <source>Unknown kind of policy &apos;{kind}&apos;</source>
        <translation>未知险种“{kind}”</translation>
    </message>
    <message>
        <source>Unknown kind of reconditioning &apos;{kind}&apos;</source>
        <translation>未知整备类别“{kind}”</translation>
    </message>
    <message>
        <source>Unknown language &apos;{language}&apos;</source>
        <translation>未知语言“{language}”</translation>
    </message>
    <message>
        <source>Unknown list &apos;{name}&apos;</source>
        <translation>未知列表“{name}”</translation>
    </message>
    <message>
        <source>Unknown or inactive tax code &apos;{tax_code}&apos;</source>
        <translation>税码“{tax_code}”未知或已停用</translation>
    </message>
    <message>
        <source>Unknown permission(s): {items}</source>
        <translation>未知权限：{items}</translation>
    </message>
    <message>
        <source>Unknown role &apos;{role}&apos;</source>
        <translation>未知角色“{role}”</translation>
    </message>
    <message>
        <source>Unknown stage &apos;{status}&apos;</source>
        <translation>未知阶段“{status}”</translation>
    </message>
    <message>
        <source>Use letters, digits, dots, dashes or underscores (up to 64)</source>
        <translation>请使用字母、数字、点、短横线或下划线（最多 64 个）</translation>
    </message>
    <message>
        <source>User not found</source>
        <translation>未找到用户</translation>
    </message>
    <message>
        <source>VIN {vin} is in stock already as {number} ({status})</source>
        <translation>车架号 {vin} 已作为 {number} 在库（{status}）</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Vehicle {number} added cost</source>
        <translation>车辆 {number} 附加成本</translation>
    </message>
    <message>
        <source>Vehicle {number} into stock</source>
        <translation>车辆 {number} 入库</translation>
    </message>
    <message>
        <source>Vehicle {number} purchase cost corrected</source>
        <translation>车辆 {number} 采购成本更正</translation>
    </message>
    <message>
        <source>Vehicle {number} sold</source>
        <translation>车辆 {number} 售出</translation>
    </message>
    <message>
        <source>Vehicle {number} taken back</source>
        <translation>车辆 {number} 退回</translation>
    </message>
    <message>
        <source>Wrong user name or password</source>
        <translation>用户名或密码错误</translation>
    </message>
    <message>
        <source>You cannot disable your own account</source>
        <translation>不能停用自己的账户</translation>
    </message>
    <message>
        <source>Your user account no longer exists</source>
        <translation>您的用户账户已不存在</translation>
    </message>
    <message>
        <source>a draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>a no-show</source>
        <translation>未到店</translation>
    </message>
    <message>
        <source>a part cannot be superseded by itself</source>
        <translation>零件不能被自身替代</translation>
    </message>
    <message>
        <source>a quotation</source>
        <translation>报价阶段</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>accessory</source>
        <translation>精品附件</translation>
    </message>
    <message>
        <source>account unlocked</source>
        <translation>账户已解锁</translation>
    </message>
    <message>
        <source>adjustment</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>another vehicle chosen for deal {number}</source>
        <translation>销售单 {number} 改选了其他车辆</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>appraised</source>
        <translation>已评估</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>arrived</source>
        <translation>已到店</translation>
    </message>
    <message>
        <source>arrived in scientific notation, so Excel has dropped its last digits; format the column as Text in Excel, retype the numbers and save again</source>
        <translation>以科学计数法到达，Excel 已丢失末尾数字；请在 Excel 中将该列设为文本格式，重新输入号码后再保存</translation>
    </message>
    <message>
        <source>at the test drive</source>
        <translation>试驾阶段</translation>
    </message>
    <message>
        <source>average cost rounding</source>
        <translation>平均成本尾差</translation>
    </message>
    <message>
        <source>being counted</source>
        <translation>盘点中</translation>
    </message>
    <message>
        <source>booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>cannot be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <source>cash over</source>
        <translation>现金长款</translation>
    </message>
    <message>
        <source>cash short</source>
        <translation>现金短款</translation>
    </message>
    <message>
        <source>certificate of conformity</source>
        <translation>合格证</translation>
    </message>
    <message>
        <source>change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>commission corrected down</source>
        <translation>佣金调减</translation>
    </message>
    <message>
        <source>commission corrected up</source>
        <translation>佣金调增</translation>
    </message>
    <message>
        <source>commission earned</source>
        <translation>应得佣金</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>完工</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>已完工</translation>
    </message>
    <message>
        <source>contacted</source>
        <translation>已联系</translation>
    </message>
    <message>
        <source>cost of a vehicle already sold</source>
        <translation>已售车辆的成本</translation>
    </message>
    <message>
        <source>cost of sales vehicle</source>
        <translation>整车销售成本</translation>
    </message>
    <message>
        <source>cost of sales {item_type}</source>
        <translation>销售成本（{item_type}）</translation>
    </message>
    <message>
        <source>cost supplied {item_type}</source>
        <translation>外购成本 {item_type}</translation>
    </message>
    <message>
        <source>count variance</source>
        <translation>盘点差异</translation>
    </message>
    <message>
        <source>counter sale</source>
        <translation>柜台销售</translation>
    </message>
    <message>
        <source>credit held for the customer</source>
        <translation>为客户保留的余额</translation>
    </message>
    <message>
        <source>credit note {number}</source>
        <translation>红字发票 {number}</translation>
    </message>
    <message>
        <source>credit paid back</source>
        <translation>退还余额</translation>
    </message>
    <message>
        <source>credit used</source>
        <translation>使用余额</translation>
    </message>
    <message>
        <source>customer return</source>
        <translation>客户退货</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>已交车</translation>
    </message>
    <message>
        <source>differs from the ID number recorded for &apos;{name}&apos;</source>
        <translation>与“{name}”登记的证件号码不同</translation>
    </message>
    <message>
        <source>differs from the title of campaign {code} on row {row}</source>
        <translation>与第 {row} 行活动 {code} 的名称不同</translation>
    </message>
    <message>
        <source>due</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>fee</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>goods received not invoiced</source>
        <translation>已收货未开票</translation>
    </message>
    <message>
        <source>has no letters or digits</source>
        <translation>不含字母或数字</translation>
    </message>
    <message>
        <source>import documents</source>
        <translation>进口单证</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>维修中</translation>
    </message>
    <message>
        <source>in quality check</source>
        <translation>完工检查中</translation>
    </message>
    <message>
        <source>in stock</source>
        <translation>在库</translation>
    </message>
    <message>
        <source>in transit</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>inventory {kind}</source>
        <translation>存货{kind}</translation>
    </message>
    <message>
        <source>invoice</source>
        <translation>结算</translation>
    </message>
    <message>
        <source>invoiced</source>
        <translation>已结算</translation>
    </message>
    <message>
        <source>is a date ({value}) in Excel, not text: format the column as Text in Excel, retype the values and save again</source>
        <translation>在 Excel 中是日期（{value}），而不是文本：请在 Excel 中将该列设为文本格式，重新输入后再保存</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <source>is empty (a part new to the catalogue needs one)</source>
        <translation>为空（目录中的新零件需要填写）</translation>
    </message>
    <message>
        <source>is longer than {limit} characters</source>
        <translation>超过 {limit} 个字符</translation>
    </message>
    <message>
        <source>is longer than {max_length} characters</source>
        <translation>超过 {max_length} 个字符</translation>
    </message>
    <message>
        <source>issue</source>
        <translation>发料</translation>
    </message>
    <message>
        <source>it holds binary data</source>
        <translation>文件包含二进制数据</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>这是一个文件夹</translation>
    </message>
    <message>
        <source>job {job_no} of {number}</source>
        <translation>{number} 的第 {job_no} 项作业</translation>
    </message>
    <message>
        <source>labour</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>已战败</translation>
    </message>
    <message>
        <source>lost, awaiting confirmation</source>
        <translation>已战败（待确认）</translation>
    </message>
    <message>
        <source>mark as a no-show</source>
        <translation>记为未到店</translation>
    </message>
    <message>
        <source>move</source>
        <translation>改约</translation>
    </message>
    <message>
        <source>moved to {status}</source>
        <translation>改为{status}</translation>
    </message>
    <message>
        <source>must be a whole number from {low:,} to {high:,}</source>
        <translation>须为 {low:,} 到 {high:,} 之间的整数</translation>
    </message>
    <message>
        <source>must be at least {minimum} h</source>
        <translation>至少为 {minimum} 小时</translation>
    </message>
    <message>
        <source>must be at least {minimum} {unit}</source>
        <translation>至少为 {minimum} {unit}</translation>
    </message>
    <message>
        <source>must be at most {maximum} h</source>
        <translation>最多为 {maximum} 小时</translation>
    </message>
    <message>
        <source>must be at most {maximum} {unit}</source>
        <translation>最多为 {maximum} {unit}</translation>
    </message>
    <message>
        <source>names the same customer as row {first}</source>
        <translation>与第 {first} 行是同一位客户</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>nowhere</source>
        <translation>无</translation>
    </message>
    <message>
        <source>on order</source>
        <translation>已订购</translation>
    </message>
    <message>
        <source>open</source>
        <translation>已开单</translation>
    </message>
    <message>
        <source>ordered</source>
        <translation>已下订</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>other documents</source>
        <translation>其他文件</translation>
    </message>
    <message>
        <source>output tax {code}</source>
        <translation>销项税 {code}</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>已赔付</translation>
    </message>
    <message>
        <source>paid out</source>
        <translation>已放款</translation>
    </message>
    <message>
        <source>part</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>partly received</source>
        <translation>部分收货</translation>
    </message>
    <message>
        <source>password changed</source>
        <translation>密码已修改</translation>
    </message>
    <message>
        <source>password reset</source>
        <translation>密码已重置</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待答复</translation>
    </message>
    <message>
        <source>permission denied (the folder is read-only, or the file is open in another program)</source>
        <translation>没有权限（文件夹为只读，或文件正被其他程序打开）</translation>
    </message>
    <message>
        <source>posted</source>
        <translation>已过账</translation>
    </message>
    <message>
        <source>price owed to the seller</source>
        <translation>应付卖方车款</translation>
    </message>
    <message>
        <source>rebate earned</source>
        <translation>应得返利</translation>
    </message>
    <message>
        <source>rebate received</source>
        <translation>收到返利</translation>
    </message>
    <message>
        <source>receipt</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>receivable</source>
        <translation>应收账款</translation>
    </message>
    <message>
        <source>receivable settled</source>
        <translation>冲销应收</translation>
    </message>
    <message>
        <source>receive</source>
        <translation>接车</translation>
    </message>
    <message>
        <source>received</source>
        <translation>已收货</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒赔</translation>
    </message>
    <message>
        <source>released</source>
        <translation>释放</translation>
    </message>
    <message>
        <source>repair order {number}</source>
        <translation>维修工单 {number}</translation>
    </message>
    <message>
        <source>repeats row {first} ({named}): each may appear only once in a file</source>
        <translation>与第 {first} 行重复（{named}）：每项在文件中只能出现一次</translation>
    </message>
    <message>
        <source>reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <source>return from job</source>
        <translation>工单退料</translation>
    </message>
    <message>
        <source>revenue {item_type}</source>
        <translation>收入（{item_type}）</translation>
    </message>
    <message>
        <source>send to quality check</source>
        <translation>送完工检查</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>sent back</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>service package variance</source>
        <translation>保养套餐差额</translation>
    </message>
    <message>
        <source>sold</source>
        <translation>已售出</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>taken back</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>taken into stock</source>
        <translation>已入库</translation>
    </message>
    <message>
        <source>the discount {discount} is above the limit of {limit}</source>
        <translation>优惠 {discount} 超过上限 {limit}</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>磁盘为只读</translation>
    </message>
    <message>
        <source>the disk quota is used up</source>
        <translation>磁盘配额已用完</translation>
    </message>
    <message>
        <source>the file holds a formula without its value: open it in Excel and save it</source>
        <translation>文件中是公式，没有保存计算结果：请用 Excel 打开该文件并保存后再导入</translation>
    </message>
    <message>
        <source>the file is damaged, or it is not really an Excel workbook</source>
        <translation>文件已损坏，或者并不是真正的 Excel 工作簿</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>文件夹不存在</translation>
    </message>
    <message>
        <source>the margin is below the minimum of {minimum}</source>
        <translation>毛利率低于下限 {minimum}</translation>
    </message>
    <message>
        <source>the margin {margin} is below the minimum of {minimum}</source>
        <translation>毛利率 {margin} 低于下限 {minimum}</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>名称太长</translation>
    </message>
    <message>
        <source>the owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>the sales manager</source>
        <translation>销售经理</translation>
    </message>
    <message>
        <source>the salesperson</source>
        <translation>销售顾问</translation>
    </message>
    <message>
        <source>the vehicle record</source>
        <translation>车辆档案</translation>
    </message>
    <message>
        <source>the workshop</source>
        <translation>车间</translation>
    </message>
    <message>
        <source>time off jobs ({reason})</source>
        <translation>非生产时间（{reason}）</translation>
    </message>
    <message>
        <source>trade-in allowance</source>
        <translation>置换车作价</translation>
    </message>
    <message>
        <source>trade-in over-allowance</source>
        <translation>置换车超额作价</translation>
    </message>
    <message>
        <source>transfer</source>
        <translation>调拨</translation>
    </message>
    <message>
        <source>unknown or disabled user</source>
        <translation>用户不存在或已停用</translation>
    </message>
    <message>
        <source>vehicle</source>
        <translation>整车</translation>
    </message>
    <message>
        <source>vehicle inventory</source>
        <translation>车辆库存</translation>
    </message>
    <message>
        <source>waiting for parts</source>
        <translation>待料</translation>
    </message>
    <message>
        <source>within the salesperson&apos;s limits</source>
        <translation>在销售顾问权限内</translation>
    </message>
    <message>
        <source>won</source>
        <translation>已成交</translation>
    </message>
    <message>
        <source>{amount} open, covered by approved finance</source>
        <translation>{amount} 未付，由已批贷款支付</translation>
    </message>
    <message>
        <source>{amount} unpaid and no finance approved</source>
        <translation>{amount} 未付，且没有已批贷款</translation>
    </message>
    <message>
        <source>{amount} unpaid; the finance approved covers only {covered}</source>
        <translation>未付 {amount}；已批准的贷款只覆盖 {covered}</translation>
    </message>
    <message>
        <source>{backup_path} is the database itself, not a backup of it</source>
        <translation>{backup_path} 是数据库本身，而不是它的备份</translation>
    </message>
    <message>
        <source>{brand} is not a brand in the catalogue</source>
        <translation>{brand} 不是目录中的品牌</translation>
    </message>
    <message>
        <source>{brand} {part_number} is already in the catalogue</source>
        <translation>{brand} {part_number} 已在目录中</translation>
    </message>
    <message>
        <source>{brand} {part_number} is not on count {number}</source>
        <translation>{brand} {part_number} 不在盘点单 {number} 上</translation>
    </message>
    <message>
        <source>{day} by {user}</source>
        <translation>{day}，{user}</translation>
    </message>
    <message>
        <source>{db_path} is a folder, not a database file. Nothing was changed.</source>
        <translation>{db_path} 是文件夹，不是数据库文件。未更改任何内容。</translation>
    </message>
    <message>
        <source>{discount}, and {margin}</source>
        <translation>{discount}，且{margin}</translation>
    </message>
    <message>
        <source>{entry} · {detail}</source>
        <translation>{entry} · {detail}</translation>
    </message>
    <message>
        <source>{first}, {rest}</source>
        <translation>{first}、{rest}</translation>
    </message>
    <message>
        <source>{first}; {rest}</source>
        <translation>{first}；{rest}</translation>
    </message>
    <message>
        <source>{insurer} already has a claim numbered {claim_number}</source>
        <translation>{insurer} 已有编号为 {claim_number} 的理赔</translation>
    </message>
    <message>
        <source>{insurer} policy {number} is already recorded</source>
        <translation>{insurer} 保单 {number} 已登记</translation>
    </message>
    <message>
        <source>{kind} import of {name}: {rows} rows, {answered} answered, {unchanged} unchanged, {tasks} follow-up tasks</source>
        <translation>导入 {kind}（{name}）：{rows} 行，{answered} 条已回访，{unchanged} 条未变，{tasks} 个跟进任务</translation>
    </message>
    <message>
        <source>{kind} import of {name}: {rows} rows, {campaigns} new campaigns, {vins} new VINs</source>
        <translation>导入 {kind}（{name}）：{rows} 行，新增 {campaigns} 个活动、{vins} 个车架号</translation>
    </message>
    <message>
        <source>{kind} import of {name}: {rows} rows, {inserted} new, {updated} updated, {unchanged} unchanged</source>
        <translation>导入 {kind}（{name}）：{rows} 行，新增 {inserted}，更新 {updated}，未变 {unchanged}</translation>
    </message>
    <message>
        <source>{label} cannot be negative</source>
        <translation>{label}不能为负数</translation>
    </message>
    <message>
        <source>{label} is at most {max_len} characters</source>
        <translation>{label}最多 {max_len} 个字符</translation>
    </message>
    <message>
        <source>{label} is required</source>
        <translation>必须填写{label}</translation>
    </message>
    <message>
        <source>{label} is {status}; this needs it {items}</source>
        <translation>{label}的状态为 {status}；此操作需要其状态为 {items}</translation>
    </message>
    <message>
        <source>{label} must be more than zero</source>
        <translation>{label}必须大于零</translation>
    </message>
    <message>
        <source>{make} {name} has stock vehicles ordered as its trims, so it stays: untick Active instead</source>
        <translation>{make} {name} 已有库存车辆使用其配置，不能删除：请取消“启用”</translation>
    </message>
    <message>
        <source>{make} {name} is already in the catalogue</source>
        <translation>{make} {name} 已在车型目录中</translation>
    </message>
    <message>
        <source>{message} Nothing was changed.</source>
        <translation>{message}未更改任何内容。</translation>
    </message>
    <message>
        <source>{method}</source>
        <translation>{method}</translation>
    </message>
    <message>
        <source>{method} receipt of {paid_on}</source>
        <translation>{paid_on} 的{method}收款</translation>
    </message>
    <message>
        <source>{name} cannot be read as text: line {raw} is neither UTF-8 nor GBK. Save it as CSV in UTF-8</source>
        <translation>{name} 无法作为文本读取：第 {raw} 行既不是 UTF-8 也不是 GBK。请另存为 UTF-8 编码的 CSV</translation>
    </message>
    <message>
        <source>{name} has no data rows, only a header row: nothing was imported</source>
        <translation>{name} 只有表头，没有数据行：未导入任何内容</translation>
    </message>
    <message>
        <source>{name} is empty: it has no header row</source>
        <translation>{name} 为空：没有标题行</translation>
    </message>
    <message>
        <source>{name} is not a JPEG or PNG picture (its contents are something else)</source>
        <translation>{name} 不是 JPEG 或 PNG 图片（文件内容是其他格式）</translation>
    </message>
    <message>
        <source>{name} is not a spreadsheet ({why}): choose an .xlsx, .xls or .csv file</source>
        <translation>{name} 不是电子表格（{why}）：请选择 .xlsx、.xls 或 .csv 文件</translation>
    </message>
    <message>
        <source>{name} is not a spreadsheet: choose an .xlsx, .xls or .csv file</source>
        <translation>{name} 不是电子表格：请选择 .xlsx、.xls 或 .csv 文件</translation>
    </message>
    <message>
        <source>{name} is not one of the workshop&apos;s technicians</source>
        <translation>{name} 不是车间的技师</translation>
    </message>
    <message>
        <source>{name}: choose a .xlsx or .csv file name</source>
        <translation>{name}：请选择 .xlsx 或 .csv 文件名</translation>
    </message>
    <message>
        <source>{name}: line {line} is not in {first} like the lines before it; the file mixes encodings. Save it again as CSV in UTF-8</source>
        <translation>{name}：第 {line} 行不像前面各行那样是 {first} 编码；文件混用了编码。请另存为 UTF-8 编码的 CSV</translation>
    </message>
    <message>
        <source>{number} is a credit note; it cannot be paid</source>
        <translation>{number} 是贷项通知单，不能收款</translation>
    </message>
    <message>
        <source>{number} is not a {brand} part in the catalogue or in this file</source>
        <translation>{number} 不是目录或本文件中的 {brand} 零件</translation>
    </message>
    <message>
        <source>{part_number} cannot be superseded by a part that it replaces itself</source>
        <translation>{part_number} 不能被它自己所替代的零件替代</translation>
    </message>
    <message>
        <source>{part} is itself superseded, directly or through other parts, by this part: the chain would loop</source>
        <translation>{part} 本身直接或间接地被此零件替代：替代链将形成循环</translation>
    </message>
    <message>
        <source>{path} does not exist</source>
        <translation>{path} 不存在</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file.</source>
        <translation>{path} 是文件夹，不是数据库文件。</translation>
    </message>
    <message>
        <source>{path} is a folder: name a spreadsheet file in it</source>
        <translation>{path} 是文件夹：请指定其中的电子表格文件</translation>
    </message>
    <message>
        <source>{path} is empty; not a Forecourt database. Delete it to start a new one, or restore a backup.</source>
        <translation>{path} 为空，不是 Forecourt 数据库。删除它以新建数据库，或恢复备份。</translation>
    </message>
    <message>
        <source>{payment} for {invoices}</source>
        <translation>{payment}，用于 {invoices}</translation>
    </message>
    <message>
        <source>{received} has already been received; the expected amount cannot be less</source>
        <translation>已收到 {received}；应收金额不能更少</translation>
    </message>
    <message>
        <source>{start}–{end} is not within one of {who}&apos;s attendances: correct the attendance first</source>
        <translation>{start}–{end} 不在 {who} 的任何一段出勤时间内：请先更正出勤记录</translation>
    </message>
    <message>
        <source>{username} is not an active salesperson or sales manager</source>
        <translation>{username} 不是在职的销售顾问或销售经理</translation>
    </message>
    <message>
        <source>{value0} is cancelled and is not sent to the supplier</source>
        <translation>{value0} 已取消，不会发送给供应商</translation>
    </message>
    <message>
        <source>{value} is too large to be stored</source>
        <translation>{value} 太大，无法保存</translation>
    </message>
    <message>
        <source>{what} cannot be dated in the future ({day})</source>
        <translation>{what}的日期不能在未来（{day}）</translation>
    </message>
    <message>
        <source>{when} is in the past: book a time still to come</source>
        <translation>{when} 已经过去，请预约以后的时间</translation>
    </message>
    <message>
        <source>{who} does not work on {day}: choose another day, or ask the foreman</source>
        <translation>{who} 在 {day} 不上班：请换一天，或请车间主管处理</translation>
    </message>
    <message>
        <source>{who} does not work on {day}: choose another day, or overbook with a reason</source>
        <translation>{who} 在 {day} 不上班：请换一天，或填写原因超额预约</translation>
    </message>
    <message>
        <source>{who} is already clocked in</source>
        <translation>{who} 已经上班打卡</translation>
    </message>
    <message>
        <source>{who} is already clocked on this</source>
        <translation>{who} 已经在做这项</translation>
    </message>
    <message>
        <source>{who} is already clocked on this job</source>
        <translation>{who} 已在进行此作业</translation>
    </message>
    <message>
        <source>{who} is booked {booked} h of {capacity} h on {day}; {hours} h more is beyond capacity: choose another day, or ask the foreman</source>
        <translation>{who} 在 {day} 已预约 {booked} / {capacity} 小时，再加 {hours} 小时会超出产能：请换一天，或请车间主管处理</translation>
    </message>
    <message>
        <source>{who} is booked {booked} h of {capacity} h on {day}; {hours} h more is beyond capacity: choose another day, or overbook with a reason</source>
        <translation>{who} 在 {day} 已预约 {booked} / {capacity} 小时，再加 {hours} 小时会超出产能：请换一天，或填写原因超额预约</translation>
    </message>
    <message>
        <source>{who} is not clocked in</source>
        <translation>{who} 尚未上班打卡</translation>
    </message>
    <message>
        <source>{who} is not clocked on any job</source>
        <translation>{who} 当前没有进行中的作业</translation>
    </message>
</context>
<context>
    <name>SetPasswordDialog</name>
    <message>
        <source>Set password for %1</source>
        <translation>为 %1 设置密码</translation>
    </message>
    <message>
        <source>At least %1 characters</source>
        <translation>至少 %1 个字符</translation>
    </message>
    <message>
        <source>New &amp;password</source>
        <translation>新密码(&amp;P)</translation>
    </message>
    <message>
        <source>R&amp;epeat password</source>
        <translation>确认密码(&amp;E)</translation>
    </message>
    <message>
        <source>Setting a password also unlocks the account.</source>
        <translation>设置密码的同时也会解锁该账户。</translation>
    </message>
    <message>
        <source>The two passwords differ</source>
        <translation>两次输入的密码不一致</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>China (mainland)</source>
        <translation>中国大陆</translation>
    </message>
    <message>
        <source>Hong Kong</source>
        <translation>中国香港</translation>
    </message>
    <message>
        <source>Macao</source>
        <translation>中国澳门</translation>
    </message>
    <message>
        <source>Taiwan</source>
        <translation>中国台湾</translation>
    </message>
    <message>
        <source>Singapore</source>
        <translation>新加坡</translation>
    </message>
    <message>
        <source>Malaysia</source>
        <translation>马来西亚</translation>
    </message>
    <message>
        <source>Thailand</source>
        <translation>泰国</translation>
    </message>
    <message>
        <source>Japan</source>
        <translation>日本</translation>
    </message>
    <message>
        <source>South Korea</source>
        <translation>韩国</translation>
    </message>
    <message>
        <source>Australia</source>
        <translation>澳大利亚</translation>
    </message>
    <message>
        <source>New Zealand</source>
        <translation>新西兰</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>美国</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation>加拿大</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>英国</translation>
    </message>
    <message>
        <source>Ireland</source>
        <translation>爱尔兰</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>德国</translation>
    </message>
    <message>
        <source>France</source>
        <translation>法国</translation>
    </message>
    <message>
        <source>Italy</source>
        <translation>意大利</translation>
    </message>
    <message>
        <source>Spain</source>
        <translation>西班牙</translation>
    </message>
    <message>
        <source>Netherlands</source>
        <translation>荷兰</translation>
    </message>
    <message>
        <source>Switzerland</source>
        <translation>瑞士</translation>
    </message>
    <message>
        <source>United Arab Emirates</source>
        <translation>阿联酋</translation>
    </message>
    <message>
        <source>South Africa</source>
        <translation>南非</translation>
    </message>
    <message>
        <source>Printed on invoices</source>
        <translation>打印在发票上</translation>
    </message>
    <message>
        <source>Used to read and check phone numbers</source>
        <translation>用于识别和校验电话号码</translation>
    </message>
    <message>
        <source>Every amount is kept in this currency: choose it before entering prices.</source>
        <translation>所有金额均以此币种记账：请在录入价格之前选定。</translation>
    </message>
    <message>
        <source>Prices &amp;include tax</source>
        <translation>价格含税(&amp;I)</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>售后维修</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>A car back in the workshop within this many days of its last repair order is flagged as a comeback.</source>
        <translation>车辆在上次工单完工后这么多天内再次进厂，即标记为返修。</translation>
    </message>
    <message>
        <source>Dealership</source>
        <translation>经销商</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>E-&amp;mail</source>
        <translation>邮箱(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Tax ID</source>
        <translation>纳税人识别号(&amp;T)</translation>
    </message>
    <message>
        <source>C&amp;ountry / region</source>
        <translation>国家/地区(&amp;O)</translation>
    </message>
    <message>
        <source>C&amp;urrency</source>
        <translation>币种(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>The language of the screens and documents for users who have not chosen their own (in Users). A change applies at once.</source>
        <translation>未自行选择语言（在“用户”中设置）的用户所用的界面和单据语言。更改立即生效。</translation>
    </message>
    <message>
        <source>Document numbers</source>
        <translation>单据编号</translation>
    </message>
    <message>
        <source>Te&amp;rminal code</source>
        <translation>终端代码(&amp;R)</translation>
    </message>
    <message>
        <source>This computer&apos;s own code: numbers never collide between computers.</source>
        <translation>本机专用代码，保证不同电脑生成的编号不会重复。</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>徽标</translation>
    </message>
    <message>
        <source>Choose lo&amp;go…</source>
        <translation>选择徽标(&amp;G)…</translation>
    </message>
    <message>
        <source>Remove logo</source>
        <translation>移除徽标</translation>
    </message>
    <message>
        <source>Printed on invoices and reports. A PNG or JPEG image up to 2 MB; it is saved as soon as you choose it.</source>
        <translation>打印在发票和报表上。支持不超过 2 MB 的 PNG 或 JPEG 图片；选择后立即保存。</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source> km</source>
        <translation> 公里</translation>
    </message>
    <message>
        <source> or lower</source>
        <translation> 分及以下</translation>
    </message>
    <message>
        <source>Survey scores run from 0 to 10; a score this low or lower raises a follow-up task for the advisor.</source>
        <translation>回访评分为 0 到 10 分；评分不高于此分数时，会为服务顾问生成跟进任务。</translation>
    </message>
    <message>
        <source>Come&amp;back period</source>
        <translation>返修判定期(&amp;B)</translation>
    </message>
    <message>
        <source>Next service &amp;due after</source>
        <translation>下次保养间隔(&amp;D)</translation>
    </message>
    <message>
        <source>or after dri&amp;ving</source>
        <translation>或行驶里程(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Follow up survey scores of</source>
        <translation>需跟进的回访评分(&amp;F)</translation>
    </message>
    <message>
        <source>At a handover the next service falls due after this time or distance, whichever comes first.</source>
        <translation>交车时按此时间或里程计算下次保养，以先到者为准。</translation>
    </message>
    <message>
        <source>Tax rates</source>
        <translation>税率</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>税率</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>No tax rates yet. Add the rates you charge, e.g. 13 % VAT.</source>
        <translation>还没有税率。请添加您适用的税率，例如 13% 增值税。</translation>
    </message>
    <message>
        <source>Add ta&amp;x rate…</source>
        <translation>添加税率(&amp;X)…</translation>
    </message>
    <message>
        <source>Edit rate…</source>
        <translation>编辑税率…</translation>
    </message>
    <message>
        <source>Or double-click the rate, or press Enter on it</source>
        <translation>也可以双击税率，或选中后按 Enter</translation>
    </message>
    <message>
        <source>Payment &amp;methods…</source>
        <translation>付款方式(&amp;M)…</translation>
    </message>
    <message>
        <source>Which payment methods the payment dialog offers, and in what order</source>
        <translation>收款窗口提供哪些付款方式及其顺序</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>例如 %1</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>无徽标</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <source>Choose the dealership logo</source>
        <translation>选择经销商徽标</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Payment methods saved.</source>
        <translation>付款方式已保存。</translation>
    </message>
</context>
<context>
    <name>StartCountDialog</name>
    <message>
        <source>Start stock count</source>
        <translation>开始盘点</translation>
    </message>
    <message>
        <source>&amp;From bin</source>
        <translation>起始库位(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To bin</source>
        <translation>结束库位(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>类别(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <source>Leave a field empty to leave it open: an empty range and category counts every part.</source>
        <translation>字段留空表示不限：库位范围和类别都留空则盘点全部配件。</translation>
    </message>
</context>
<context>
    <name>StatementDialog</name>
    <message>
        <source>Statement for %1</source>
        <translation>%1 的对账单</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>起始日期(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>截止日期(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>保存 PDF(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>StockAlertsScreen</name>
    <message>
        <source>Stock alerts</source>
        <translation>库存预警</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Read the alerts again</source>
        <translation>重新读取预警</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Part number</source>
        <translation>零件号</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>货位</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <source>Short by</source>
        <translation>短缺</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <source>No part is below its minimum.</source>
        <translation>没有低于最低库存的配件。</translation>
    </message>
    <message>
        <source>Last movement</source>
        <translation>最近变动</translation>
    </message>
    <message>
        <source>No dead stock.</source>
        <translation>没有呆滞库存。</translation>
    </message>
    <message>
        <source>Last receipt</source>
        <translation>最近入库</translation>
    </message>
    <message>
        <source>No aged stock.</source>
        <translation>没有库龄过长的库存。</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>What was refused</source>
        <translation>被拒绝的操作</translation>
    </message>
    <message>
        <source>No movement has been refused.</source>
        <translation>没有被拒绝的库存变动。</translation>
    </message>
    <message>
        <source>Below minimum</source>
        <translation>低于最低库存</translation>
    </message>
    <message>
        <source>Dead stock</source>
        <translation>呆滞库存</translation>
    </message>
    <message>
        <source>Aged stock</source>
        <translation>库龄过长</translation>
    </message>
    <message>
        <source>Negative-stock attempts</source>
        <translation>负库存尝试</translation>
    </message>
    <message>
        <source>Parts whose available stock is below their minimum, largest shortfall first.</source>
        <translation>可用库存低于最低库存的零件，短缺最多的排在前面。</translation>
    </message>
    <message numerus="yes">
        <source>Parts with stock on hand and no movement for %n month(s).</source>
        <translation>
            <numerusform>有库存但 %n 个月内无任何变动的零件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Parts with stock on hand whose newest receipt is more than %n day(s) old.</source>
        <translation>
            <numerusform>有库存且最近一次入库已超过 %n 天的零件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Issues and adjustments refused because they would have taken stock below zero.</source>
        <translation>因会使库存变为负数而被拒绝的出库和调整。</translation>
    </message>
    <message>
        <source>alerts</source>
        <translation>预警</translation>
    </message>
</context>
<context>
    <name>StockCountsScreen</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>From bin</source>
        <translation>起始库位</translation>
    </message>
    <message>
        <source>To bin</source>
        <translation>结束库位</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>已盘点</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>已过账</translation>
    </message>
    <message>
        <source>stock counts</source>
        <translation>次盘点</translation>
    </message>
    <message>
        <source>No stock counts yet. Press Ctrl+N to start one.</source>
        <translation>还没有盘点。按 Ctrl+N 开始盘点。</translation>
    </message>
    <message>
        <source>Stock counts</source>
        <translation>库存盘点</translation>
    </message>
    <message>
        <source>&amp;Start count…</source>
        <translation>开始盘点(&amp;S)…</translation>
    </message>
    <message>
        <source>Count a bin range or a category (Ctrl+N)</source>
        <translation>盘点一个库位范围或类别 (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Enter counts…</source>
        <translation>录入盘点数(&amp;E)…</translation>
    </message>
    <message>
        <source>Enter what was counted (F2)</source>
        <translation>录入盘点数量 (F2)</translation>
    </message>
    <message>
        <source>&amp;Post…</source>
        <translation>过账(&amp;P)…</translation>
    </message>
    <message>
        <source>Book the variances: on hand becomes what was counted</source>
        <translation>登记差异：在库数量变为盘点数量</translation>
    </message>
    <message>
        <source>Count s&amp;heet…</source>
        <translation>盘点表(&amp;H)…</translation>
    </message>
    <message>
        <source>Save the count sheet as PDF to print, or as Excel to fill in and import back</source>
        <translation>将盘点表存为 PDF 打印，或存为 Excel 填写后再导入</translation>
    </message>
    <message>
        <source>Save count sheet</source>
        <translation>保存盘点表</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>PDF (*.pdf);;Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Count sheet saved to %1</source>
        <translation>盘点表已保存到 %1</translation>
    </message>
    <message>
        <source>Saving count sheet</source>
        <translation>正在保存盘点表</translation>
    </message>
    <message>
        <source>Bins</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Not counted yet</source>
        <translation>尚未盘点</translation>
    </message>
    <message>
        <source>Variance value</source>
        <translation>差异金额</translation>
    </message>
    <message>
        <source>Variances</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>No variance among the parts counted.</source>
        <translation>已盘点的配件没有差异。</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应有数量</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Post %1? On hand of each counted part becomes what was counted (variance value %2).</source>
        <translation>过账 %1？每个已盘点配件的在库数量将变为盘点数量（差异金额 %2）。</translation>
    </message>
    <message numerus="yes">
        <source>%n part(s) not counted keep their stock.</source>
        <translation>
            <numerusform>%n 个未盘点的配件库存保持不变。</numerusform>
        </translation>
    </message>
    <message>
        <source>Post stock count</source>
        <translation>盘点过账</translation>
    </message>
</context>
<context>
    <name>StockLabels</name>
    <message>
        <source>On order</source>
        <translation>在订</translation>
    </message>
    <message>
        <source>In transit</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>在库</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>已预订</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>售出</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>交车</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新车</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>二手车</translation>
    </message>
    <message>
        <source>Freight</source>
        <translation>运费</translation>
    </message>
    <message>
        <source>Reconditioning</source>
        <translation>整备</translation>
    </message>
    <message>
        <source>Accessories fitted</source>
        <translation>加装精品</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>上牌</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Purchase cost corrected</source>
        <translation>采购成本更正</translation>
    </message>
    <message>
        <source>Certificate of conformity</source>
        <translation>合格证</translation>
    </message>
    <message>
        <source>Import documents</source>
        <translation>进口单证</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>钥匙</translation>
    </message>
    <message>
        <source>Registration papers</source>
        <translation>登记证书</translation>
    </message>
    <message>
        <source>Other documents</source>
        <translation>其他单证</translation>
    </message>
    <message>
        <source>Up to 30 days</source>
        <translation>30 天以内</translation>
    </message>
    <message>
        <source>31–60 days</source>
        <translation>31–60 天</translation>
    </message>
    <message>
        <source>61–90 days</source>
        <translation>61–90 天</translation>
    </message>
    <message>
        <source>91–180 days</source>
        <translation>91–180 天</translation>
    </message>
    <message>
        <source>Over 180 days</source>
        <translation>180 天以上</translation>
    </message>
</context>
<context>
    <name>StockScreen</name>
    <message>
        <source>Stock number</source>
        <translation>库存编号</translation>
    </message>
    <message>
        <source>VIN</source>
        <translation>车架号</translation>
    </message>
    <message>
        <source>Make</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>车系</translation>
    </message>
    <message>
        <source>Trim</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>新旧</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>到店</translation>
    </message>
    <message>
        <source>Days in stock</source>
        <translation>在库天数</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>合格证</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>指导价</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>stock vehicles</source>
        <translation>辆库存车</translation>
    </message>
    <message>
        <source>No vehicles in stock. Press Ctrl+N to add one.</source>
        <translation>没有库存车辆。按 Ctrl+N 入库。</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>库龄</translation>
    </message>
    <message>
        <source>Stock vehicles</source>
        <translation>库存车辆</translation>
    </message>
    <message>
        <source>&amp;Add to stock</source>
        <translation>入库(&amp;A)</translation>
    </message>
    <message>
        <source>Add a car to stock from the catalogue (Ctrl+N)</source>
        <translation>按车型目录将车辆入库 (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Move on…</source>
        <translation>状态推进(&amp;M)…</translation>
    </message>
    <message>
        <source>Move the selected car on: in transit, or into stock (Ctrl+Shift+A)</source>
        <translation>推进所选车辆：在途，或到店入库 (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Add &amp;cost…</source>
        <translation>添加费用(&amp;C)…</translation>
    </message>
    <message>
        <source>Freight, reconditioning, accessories fitted, registration (Ctrl+Shift+C)</source>
        <translation>运费、整备、加装精品、上牌 (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>&amp;Documents…</source>
        <translation>单证(&amp;D)…</translation>
    </message>
    <message>
        <source>Certificate of conformity, import documents, keys, registration papers: received, kept where, handed over (Ctrl+D)</source>
        <translation>合格证、进口单证、钥匙、登记证书：收到、存放位置、移交 (Ctrl+D)</translation>
    </message>
    <message>
        <source>%1 %2: %3 of %4</source>
        <translation>%1 %2：%3/%4</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>等另 %1 个</translation>
    </message>
    <message>
        <source>Low stock — new cars on order, in transit or in stock and not held by a deal, below the model&apos;s threshold: %1</source>
        <translation>低库存预警 — 在订、在途和在库且未被销售单占用的新车低于预警线：%1</translation>
    </message>
    <message>
        <source>Model year</source>
        <translation>年款</translation>
    </message>
    <message>
        <source>Engine number</source>
        <translation>发动机号</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>订车</translation>
    </message>
    <message>
        <source>Produced</source>
        <translation>生产</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>售出</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>交车</translation>
    </message>
    <message>
        <source>Purchase cost</source>
        <translation>采购成本</translation>
    </message>
    <message>
        <source>Total cost</source>
        <translation>总成本</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>The vehicle&apos;s record</source>
        <translation>车辆档案</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选装</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Option</source>
        <translation>选装</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>No options.</source>
        <translation>无选装。</translation>
    </message>
    <message>
        <source>Added costs</source>
        <translation>附加费用</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>No added costs.</source>
        <translation>无附加费用。</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>单证</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>单证</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收到</translation>
    </message>
    <message>
        <source>Kept at</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>已移交</translation>
    </message>
    <message>
        <source>The certificate of conformity has not been received.</source>
        <translation>尚未收到合格证。</translation>
    </message>
    <message>
        <source>In and out of stock</source>
        <translation>出入库记录</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>SuggestionsDialog</name>
    <message>
        <source>Reorder suggestions</source>
        <translation>补货建议</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>配件</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>On order</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>最高库存</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订购</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <source>Reading the stock position…</source>
        <translation>正在读取库存状况…</translation>
    </message>
    <message>
        <source>Minimum and maximum are the part&apos;s own levels, the same as in the parts list and the alerts. Parts not set to manual take the levels the reorder rule suggests from the last 12 months&apos; demand; they are brought up to date when this list opens. A suggestion that differs from a manual level is shown in brackets.</source>
        <translation>最低和最高库存是配件自身的设定，与配件列表和库存预警中相同。未设为手工设定的配件采用补货规则根据近 12 个月需求建议的数值，打开此列表时即更新。与手工设定不同的建议值显示在括号中。</translation>
    </message>
    <message>
        <source>Updating the levels from demand…</source>
        <translation>正在根据需求更新库存上下限…</translation>
    </message>
    <message>
        <source>The suggestions could not be read.</source>
        <translation>无法读取补货建议。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>&amp;Make draft orders</source>
        <translation>生成订单草稿(&amp;M)</translation>
    </message>
    <message>
        <source>No part is below its minimum.</source>
        <translation>没有配件低于最低库存。</translation>
    </message>
    <message>
        <source>Parts without a preferred supplier are left out of the drafts.</source>
        <translation>没有首选供应商的配件不会列入订单草稿。</translation>
    </message>
    <message numerus="yes">
        <source>%n draft order(s) written.</source>
        <translation>
            <numerusform>已生成 %n 张采购订单草稿。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SupplierDialog</name>
    <message>
        <source>Edit supplier</source>
        <translation>编辑供应商</translation>
    </message>
    <message>
        <source>New supplier</source>
        <translation>新建供应商</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Contact</source>
        <translation>联系人(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>电子邮件(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>&amp;Lead time</source>
        <translation>交货周期(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Terms</source>
        <translation>付款条件(&amp;T)</translation>
    </message>
    <message>
        <source>Orders may be placed with this supplier</source>
        <translation>可以向此供应商下订单</translation>
    </message>
    <message>
        <source>Acti&amp;ve</source>
        <translation>启用(&amp;V)</translation>
    </message>
</context>
<context>
    <name>SuppliersScreen</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Lead time (days)</source>
        <translation>交货周期（天）</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>付款条件</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>suppliers</source>
        <translation>个供应商</translation>
    </message>
    <message>
        <source>No suppliers yet. Press Ctrl+N to add the first one.</source>
        <translation>还没有供应商。按 Ctrl+N 添加第一个。</translation>
    </message>
    <message>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>&amp;New supplier</source>
        <translation>新建供应商(&amp;N)</translation>
    </message>
    <message>
        <source>Add a supplier (Ctrl+N)</source>
        <translation>添加供应商 (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Edit supplier</source>
        <translation>编辑供应商(&amp;E)</translation>
    </message>
    <message>
        <source>Change the selected supplier (F2)</source>
        <translation>修改所选供应商 (F2)</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Lead time</source>
        <translation>交货周期</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>供货表现</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>到货次数</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>准时率</translation>
    </message>
    <message>
        <source>Fill rate</source>
        <translation>满足率</translation>
    </message>
    <message>
        <source>Ordered / received</source>
        <translation>订购 / 已收</translation>
    </message>
    <message>
        <source>Price history</source>
        <translation>价格历史</translation>
    </message>
    <message>
        <source>Nothing received from this supplier yet.</source>
        <translation>尚未从此供应商收到任何货物。</translation>
    </message>
    <message>
        <source>Part number</source>
        <translation>零件号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收货日期</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
</context>
<context>
    <name>SurveyDialog</name>
    <message>
        <source>Survey of %1</source>
        <translation>%1 的回访</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>服务顾问</translation>
    </message>
    <message>
        <source>&amp;Score (0–10)</source>
        <translation>评分（0–10）(&amp;S)</translation>
    </message>
    <message>
        <source>What the customer said, in their words</source>
        <translation>客户的原话</translation>
    </message>
    <message>
        <source>&amp;Comments</source>
        <translation>意见(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>A score of %1 or less raises a follow-up task for the advisor.</source>
        <translation>评分为 %1 或更低时，会为服务顾问生成跟进任务。</translation>
    </message>
</context>
<context>
    <name>SurveysScreen</name>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Repair order</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>服务顾问</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <source>surveys</source>
        <translation>条回访</translation>
    </message>
    <message>
        <source>No surveys: one falls due a few days after each handover.</source>
        <translation>暂无回访：每次交车几天后会生成一条回访。</translation>
    </message>
    <message>
        <source>Satisfaction surveys</source>
        <translation>满意度回访</translation>
    </message>
    <message>
        <source>&amp;Enter answer…</source>
        <translation>录入回访(&amp;E)…</translation>
    </message>
    <message>
        <source>Enter the score and comments the customer gave (Enter)</source>
        <translation>录入客户给出的评分和意见 (Enter)</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>follow-up tasks</source>
        <translation>条跟进任务</translation>
    </message>
    <message>
        <source>No follow-up tasks.</source>
        <translation>暂无跟进任务。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Follow-up tasks</source>
        <translation>跟进任务</translation>
    </message>
    <message>
        <source>Mark &amp;done…</source>
        <translation>标记完成(&amp;D)…</translation>
    </message>
    <message>
        <source>Survey of %1</source>
        <translation>%1 的回访</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Technicians</source>
        <translation>技师</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>交车日期</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>尚未完成</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Ring the customer, then press Enter to record what they said.</source>
        <translation>请致电客户，然后按 Enter 录入客户的回答。</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>回访结果</translation>
    </message>
    <message>
        <source>No answers yet.</source>
        <translation>尚无回访结果。</translation>
    </message>
    <message>
        <source>%1 answers, average %2, %3 low (%4 or less)</source>
        <translation>共 %1 条回访，平均 %2 分，低分 %3 条（%4 分及以下）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>回访数</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均分</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低分</translation>
    </message>
    <message>
        <source>Advisors</source>
        <translation>服务顾问</translation>
    </message>
</context>
<context>
    <name>TakeInDialog</name>
    <message>
        <source>Take trade-in into stock</source>
        <translation>置换车入库</translation>
    </message>
    <message>
        <source>%1 goes into stock as a used car costing %2: its actual cash value %3 plus reconditioning %4.</source>
        <translation>%1 作为二手车入库，成本 %2：实际现金价值 %3 加整备费用 %4。</translation>
    </message>
    <message>
        <source>Empty: the next U number</source>
        <translation>留空：使用下一个 U 编号</translation>
    </message>
    <message>
        <source>&amp;Stock number</source>
        <translation>库存编号(&amp;S)</translation>
    </message>
    <message>
        <source>In stock &amp;on</source>
        <translation>入库日期(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Location</source>
        <translation>存放位置(&amp;L)</translation>
    </message>
    <message>
        <source>List &amp;price</source>
        <translation>标价(&amp;P)</translation>
    </message>
    <message>
        <source>%1 is taken into stock as used car %2.</source>
        <translation>%1 已作为二手车入库，库存编号 %2。</translation>
    </message>
</context>
<context>
    <name>TargetsDialog</name>
    <message>
        <source>Targets for %1</source>
        <translation>%1 销售目标</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>销售顾问</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>台数</translation>
    </message>
    <message>
        <source>Gross profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>No salespeople: add users with the salesperson role first.</source>
        <translation>没有销售顾问：请先添加销售顾问角色的用户。</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Follow-up</source>
        <translation>跟进任务</translation>
    </message>
    <message>
        <source>e.g. call to invite for a test drive</source>
        <translation>例如：电话邀约到店试驾</translation>
    </message>
    <message>
        <source>&amp;What</source>
        <translation>事项(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Due</source>
        <translation>到期日(&amp;D)</translation>
    </message>
    <message>
        <source>The lead&apos;s salesperson</source>
        <translation>线索的销售顾问</translation>
    </message>
    <message>
        <source>&amp;For</source>
        <translation>负责人(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
</context>
<context>
    <name>TaskDoneDialog</name>
    <message>
        <source>Follow-up done</source>
        <translation>跟进完成</translation>
    </message>
    <message>
        <source>e.g. called back, offered a free wash</source>
        <translation>例如：已回电，赠送一次免费洗车</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>e.g. coming on Saturday with his wife</source>
        <translation>例如：周六和爱人一起到店</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>处理结果(&amp;O)</translation>
    </message>
    <message>
        <source>Schedule the &amp;next follow-up</source>
        <translation>安排下一次跟进(&amp;N)</translation>
    </message>
    <message>
        <source>Ne&amp;xt</source>
        <translation>下一次(&amp;X)</translation>
    </message>
    <message>
        <source>D&amp;ue</source>
        <translation>到期日(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>完成(&amp;D)</translation>
    </message>
</context>
<context>
    <name>TaxRateDialog</name>
    <message>
        <source>Edit tax rate</source>
        <translation>编辑税率</translation>
    </message>
    <message>
        <source>New tax rate</source>
        <translation>新建税率</translation>
    </message>
    <message>
        <source>e.g. VAT13</source>
        <translation>例如 VAT13</translation>
    </message>
    <message>
        <source>e.g. VAT 13 %</source>
        <translation>例如 增值税 13%</translation>
    </message>
    <message>
        <source>Use as the &amp;default rate for new lines</source>
        <translation>作为新明细行的默认税率(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Active</source>
        <translation>启用(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>代码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Rate (%)</source>
        <translation>税率 (%)(&amp;R)</translation>
    </message>
</context>
<context>
    <name>TechnicianClockScreen</name>
    <message>
        <source>Technician clock</source>
        <translation>技师打卡</translation>
    </message>
    <message>
        <source>&amp;Technician</source>
        <translation>技师(&amp;T)</translation>
    </message>
    <message>
        <source>Clock &amp;in</source>
        <translation>上班打卡(&amp;I)</translation>
    </message>
    <message>
        <source>Clock o&amp;ut</source>
        <translation>下班打卡(&amp;U)</translation>
    </message>
    <message>
        <source>Clock o&amp;ff the job</source>
        <translation>停止作业(&amp;F)</translation>
    </message>
    <message>
        <source>Type or scan the repair order number, then Enter</source>
        <translation>输入或扫描工单号，然后按回车</translation>
    </message>
    <message>
        <source>F&amp;ind</source>
        <translation>查找(&amp;I)</translation>
    </message>
    <message>
        <source>Clock &amp;on this job</source>
        <translation>开始此项作业(&amp;O)</translation>
    </message>
    <message>
        <source>Clock on a job</source>
        <translation>开始作业</translation>
    </message>
    <message>
        <source>Time off jobs</source>
        <translation>非生产时间</translation>
    </message>
    <message>
        <source>R&amp;easons…</source>
        <translation>原因(&amp;E)…</translation>
    </message>
    <message>
        <source>Add a reason for time off jobs or stop offering one</source>
        <translation>添加非生产时间原因或停用某个原因</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>&amp;Correct times…</source>
        <translation>更正时间(&amp;C)…</translation>
    </message>
    <message>
        <source>Set the start and end of the selected line, saying why</source>
        <translation>设置所选行的开始和结束时间，并说明原因</translation>
    </message>
    <message>
        <source>The day whose times are listed (and corrected)</source>
        <translation>列出（并更正）哪一天的工时</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>Toda&amp;y</source>
        <translation>今天(&amp;Y)</translation>
    </message>
    <message>
        <source>Back to today&apos;s times</source>
        <translation>回到今天的工时</translation>
    </message>
    <message>
        <source>Times of the day</source>
        <translation>当日工时</translation>
    </message>
    <message>
        <source>Nobody can clock on this repair order: its status is %1.</source>
        <translation>此工单无法开始作业：工单状态为%1。</translation>
    </message>
    <message>
        <source>Off jobs: %1</source>
        <translation>非生产：%1</translation>
    </message>
    <message>
        <source>On %1, job %2: %3</source>
        <translation>正在做 %1 作业 %2：%3</translation>
    </message>
    <message>
        <source>Not clocked in</source>
        <translation>未上班打卡</translation>
    </message>
    <message>
        <source>Clocked in since %1, not on a job</source>
        <translation>%1 起已上班，未在作业</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>自 %1 起</translation>
    </message>
    <message>
        <source>At work</source>
        <translation>在岗</translation>
    </message>
    <message>
        <source>%1 job %2</source>
        <translation>%1 作业 %2</translation>
    </message>
    <message>
        <source>corrected by %1</source>
        <translation>由 %1 更正</translation>
    </message>
    <message>
        <source>Type or scan the repair order&apos;s number first, then press Enter.</source>
        <translation>请先输入或扫描工单号，再按 Enter。</translation>
    </message>
    <message>
        <source>Job %1: %2</source>
        <translation>作业 %1：%2</translation>
    </message>
    <message>
        <source>This repair order has no jobs yet.</source>
        <translation>此工单还没有作业。</translation>
    </message>
</context>
<context>
    <name>TechnicianTimeScreen</name>
    <message>
        <source>Technician time</source>
        <translation>技师工时</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>起始日期(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>截止日期(&amp;T)</translation>
    </message>
    <message>
        <source>This &amp;week</source>
        <translation>本周(&amp;W)</translation>
    </message>
    <message>
        <source>This &amp;month</source>
        <translation>本月(&amp;M)</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>出勤</translation>
    </message>
    <message>
        <source>On jobs</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Off jobs</source>
        <translation>非生产</translation>
    </message>
    <message>
        <source>Productivity</source>
        <translation>生产率</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>售出工时</translation>
    </message>
    <message>
        <source>Clocked on sold work</source>
        <translation>售出作业实耗工时</translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation>效率</translation>
    </message>
    <message>
        <source>To check</source>
        <translation>待核查</translation>
    </message>
    <message>
        <source>Repair order</source>
        <translation>维修工单</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>工时</translation>
    </message>
    <message>
        <source>By technician (hours)</source>
        <translation>按技师（小时）</translation>
    </message>
    <message>
        <source>Enter or double-click a line to correct that technician&apos;s times of that day on the Technician clock.</source>
        <translation>按 Enter 或双击一行，即可在技师打卡中更正该技师当天的工时。</translation>
    </message>
    <message>
        <source>Productivity: hours on jobs ÷ hours attended. Efficiency: hours sold ÷ hours clocked, both on the repair orders completed in the period. Open clockings count once clocked off.</source>
        <translation>生产率：作业工时 ÷ 出勤工时。效率：售出工时 ÷ 实耗工时，两者都按本期完工的工单计算。未结束的打卡在结束后才计入。</translation>
    </message>
    <message>
        <source>Not clocked out</source>
        <translation>未下班打卡</translation>
    </message>
    <message>
        <source>Not clocked off: %1</source>
        <translation>未结束：%1</translation>
    </message>
    <message>
        <source>Not clocked off the job</source>
        <translation>未停止作业</translation>
    </message>
    <message>
        <source>Hours sold, never clocked</source>
        <translation>有售出工时但从未打卡</translation>
    </message>
</context>
<context>
    <name>TestDriveDialog</name>
    <message>
        <source>Test drive</source>
        <translation>试驾</translation>
    </message>
    <message>
        <source>Stock number or VIN</source>
        <translation>库存编号或 VIN</translation>
    </message>
    <message>
        <source>&amp;Vehicle</source>
        <translation>车辆(&amp;V)</translation>
    </message>
    <message>
        <source>or the demo car, e.g. Han EV demo 沪A·D1234</source>
        <translation>或试驾车，例如：汉 EV 试驾车 沪A·D1234</translation>
    </message>
    <message>
        <source>De&amp;mo car</source>
        <translation>试驾车(&amp;M)</translation>
    </message>
    <message>
        <source>Driving &amp;licence no.</source>
        <translation>驾驶证号(&amp;L)</translation>
    </message>
    <message>
        <source>Licence &amp;valid until</source>
        <translation>驾驶证有效期至(&amp;V)</translation>
    </message>
    <message>
        <source>I have seen the driving licence and it is the customer&apos;s</source>
        <translation>已查看驾驶证原件，且为客户本人</translation>
    </message>
    <message>
        <source>Licence &amp;checked</source>
        <translation>驾驶证已核验(&amp;C)</translation>
    </message>
    <message>
        <source>Odometer &amp;out</source>
        <translation>出车里程(&amp;O)</translation>
    </message>
    <message>
        <source>Odometer &amp;in</source>
        <translation>还车里程(&amp;I)</translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation>备注(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>No test drive without a valid driving licence, checked. A new or contacted lead moves to the test drive stage.</source>
        <translation>没有经核验的有效驾驶证不能试驾。新线索或已联系的线索登记试驾后进入“试驾”阶段。</translation>
    </message>
</context>
<context>
    <name>ThirdPartyScreen</name>
    <message>
        <source>Rebates &amp; claims</source>
        <translation>返利与理赔</translation>
    </message>
    <message>
        <source>Find a manufacturer, campaign or vehicle… (Ctrl+F)</source>
        <translation>查找厂商、活动或车辆… (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Outstanding only</source>
        <translation>仅显示未到账(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Expect rebate…</source>
        <translation>登记应收返利(&amp;E)…</translation>
    </message>
    <message>
        <source>Record &amp;receipt…</source>
        <translation>登记到账(&amp;R)…</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>厂商</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Expected on</source>
        <translation>预计到账日</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应收</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>未到账</translation>
    </message>
    <message>
        <source>Rebates</source>
        <translation>返利</translation>
    </message>
    <message>
        <source>Totals per campaign</source>
        <translation>按活动合计</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>已立案</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已核定</translation>
    </message>
    <message>
        <source>Invoiced</source>
        <translation>已开票</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已赔付</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒赔</translation>
    </message>
    <message>
        <source>Find an insurer, claim number or customer… (Ctrl+F)</source>
        <translation>查找保险公司、理赔编号或客户… (Ctrl+F)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>&amp;New claim…</source>
        <translation>新建理赔(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>批准(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Link invoice…</source>
        <translation>关联发票(&amp;L)…</translation>
    </message>
    <message>
        <source>Record &amp;payout…</source>
        <translation>登记赔付(&amp;P)…</translation>
    </message>
    <message>
        <source>Re&amp;ject…</source>
        <translation>拒赔(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Settle</source>
        <translation>结案(&amp;S)</translation>
    </message>
    <message>
        <source>Close the claim as paid although the insurer paid less</source>
        <translation>保险公司少付时仍按已赔付结案</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Insurer</source>
        <translation>保险公司</translation>
    </message>
    <message>
        <source>Claim number</source>
        <translation>理赔编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Excess</source>
        <translation>自付额</translation>
    </message>
    <message>
        <source>Insurer owes</source>
        <translation>保险公司应付</translation>
    </message>
    <message>
        <source>Insurance claims</source>
        <translation>保险理赔</translation>
    </message>
    <message>
        <source>Rebates (%1 outstanding)</source>
        <translation>返利（未到账 %1）</translation>
    </message>
    <message>
        <source>Settle claim</source>
        <translation>理赔结案</translation>
    </message>
    <message>
        <source>Close claim %1 as paid? The insurer paid %2 of %3; the rest stays with the customer or is written off.</source>
        <translation>将理赔 %1 按已赔付结案？保险公司已付 %2（应付 %3）；余额由客户承担或核销。</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>评分 %1</translation>
    </message>
</context>
<context>
    <name>TradeInsScreen</name>
    <message>
        <source>Appraised</source>
        <translation>已评估</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>VIN</source>
        <translation>车架号</translation>
    </message>
    <message>
        <source>Mileage (km)</source>
        <translation>里程（公里）</translation>
    </message>
    <message>
        <source>Actual cash value</source>
        <translation>实际现金价值</translation>
    </message>
    <message>
        <source>Allowance</source>
        <translation>置换作价</translation>
    </message>
    <message>
        <source>Over-allowance</source>
        <translation>超额作价</translation>
    </message>
    <message>
        <source>Reconditioning</source>
        <translation>整备费用</translation>
    </message>
    <message>
        <source>Outstanding finance</source>
        <translation>未结清贷款</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>销售单</translation>
    </message>
    <message>
        <source>Stock number</source>
        <translation>库存编号</translation>
    </message>
    <message>
        <source>appraisals</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>No trade-in appraisals yet. Press Ctrl+N to appraise a customer&apos;s car.</source>
        <translation>还没有二手车评估。按 Ctrl+N 评估客户的车辆。</translation>
    </message>
    <message>
        <source>Trade-ins</source>
        <translation>二手车评估</translation>
    </message>
    <message>
        <source>&amp;New appraisal</source>
        <translation>新建评估(&amp;N)</translation>
    </message>
    <message>
        <source>Appraise a customer&apos;s car (Ctrl+N)</source>
        <translation>评估客户的车辆 (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Edit appraisal</source>
        <translation>编辑评估(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Accept…</source>
        <translation>接受(&amp;A)…</translation>
    </message>
    <message>
        <source>The customer trades the car in, on a deal or not (Ctrl+Shift+A)</source>
        <translation>客户置换此车，可关联销售单 (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>De&amp;cline</source>
        <translation>放弃(&amp;C)</translation>
    </message>
    <message>
        <source>The car is not taken (Ctrl+Shift+D)</source>
        <translation>不收购此车 (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>&amp;Take into stock…</source>
        <translation>入库(&amp;T)…</translation>
    </message>
    <message>
        <source>Make the accepted car used stock at its true cost (Ctrl+Shift+T)</source>
        <translation>按实际成本将已接受的车辆转为二手库存 (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <source>Mileage</source>
        <translation>里程</translation>
    </message>
    <message>
        <source>Negative equity (charged on the deal)</source>
        <translation>负资产（计入销售单收取）</translation>
    </message>
    <message>
        <source>Equity</source>
        <translation>置换净值</translation>
    </message>
    <message>
        <source>True cost</source>
        <translation>实际成本</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>车况</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>部位</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Decline the trade-in of %1?</source>
        <translation>放弃 %1 的置换？</translation>
    </message>
    <message>
        <source>Decline trade-in</source>
        <translation>放弃置换</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Edit user</source>
        <translation>编辑用户</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <source>As shown on screens and documents</source>
        <translation>显示在界面和单据上的名称</translation>
    </message>
    <message>
        <source>At least %1 characters</source>
        <translation>至少 %1 个字符</translation>
    </message>
    <message>
        <source>&amp;Active — may log in</source>
        <translation>启用 — 允许登录(&amp;A)</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Display name</source>
        <translation>显示名称(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>R&amp;epeat password</source>
        <translation>确认密码(&amp;E)</translation>
    </message>
    <message>
        <source>A change of language applies at the user&apos;s next login, and at once to your own account.</source>
        <translation>更改语言在该用户下次登录时生效；更改自己的账户则立即生效。</translation>
    </message>
    <message>
        <source>This user no longer exists.</source>
        <translation>该用户已不存在。</translation>
    </message>
    <message>
        <source>The two passwords differ</source>
        <translation>两次输入的密码不一致</translation>
    </message>
</context>
<context>
    <name>UsersScreen</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <source>users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>No users yet. Press Ctrl+N to add one.</source>
        <translation>还没有用户。按 Ctrl+N 添加。</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Set &amp;password…</source>
        <translation>设置密码(&amp;P)…</translation>
    </message>
    <message>
        <source>Give the user a new password (also unlocks the account)</source>
        <translation>为该用户设置新密码（同时解锁账户）</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>Let a user locked out by failed logins try again now</source>
        <translation>立即解除因多次登录失败造成的锁定</translation>
    </message>
    <message>
        <source>This user no longer exists.</source>
        <translation>该用户已不存在。</translation>
    </message>
    <message>
        <source>Disabled — cannot log in</source>
        <translation>已停用 — 无法登录</translation>
    </message>
    <message>
        <source>Locked until %1 after failed logins</source>
        <translation>因登录失败已锁定至 %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>New password set for %1.</source>
        <translation>已为 %1 设置新密码。</translation>
    </message>
    <message>
        <source>%1 can log in again.</source>
        <translation>%1 现在可以重新登录。</translation>
    </message>
</context>
<context>
    <name>VehicleDialog</name>
    <message>
        <source>Edit vehicle</source>
        <translation>编辑车辆</translation>
    </message>
    <message>
        <source>New vehicle</source>
        <translation>新建车辆</translation>
    </message>
    <message>
        <source>17 characters</source>
        <translation>17 位字符</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>No owner (stock vehicle)</source>
        <translation>无车主（库存车）</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>&amp;VIN</source>
        <translation>车架号(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Make</source>
        <translation>品牌(&amp;M)</translation>
    </message>
    <message>
        <source>M&amp;odel</source>
        <translation>车型(&amp;O)</translation>
    </message>
    <message>
        <source>Varia&amp;nt</source>
        <translation>配置(&amp;N)</translation>
    </message>
    <message>
        <source>Model &amp;year</source>
        <translation>年款(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Colour</source>
        <translation>颜色(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Fuel</source>
        <translation>燃料类型(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Plate</source>
        <translation>车牌号(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Registered</source>
        <translation>上牌日期(&amp;R)</translation>
    </message>
    <message>
        <source>O&amp;dometer</source>
        <translation>行驶里程(&amp;D)</translation>
    </message>
    <message>
        <source>O&amp;wner</source>
        <translation>车主(&amp;W)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>VehicleHistoryScreen</name>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>VIN</source>
        <translation>VIN</translation>
    </message>
    <message>
        <source>Make</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>车主</translation>
    </message>
    <message>
        <source>vehicles</source>
        <translation>辆车</translation>
    </message>
    <message>
        <source>No vehicles match.</source>
        <translation>没有匹配的车辆。</translation>
    </message>
    <message>
        <source>Plate, VIN or owner… (Ctrl+F)</source>
        <translation>车牌、VIN 或车主… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Vehicle history</source>
        <translation>车辆维修档案</translation>
    </message>
    <message>
        <source>Service history: %1</source>
        <translation>维修档案：%1</translation>
    </message>
    <message>
        <source>Odometer</source>
        <translation>里程表</translation>
    </message>
    <message>
        <source>Next service due</source>
        <translation>下次保养</translation>
    </message>
    <message>
        <source>Not set: never handed over</source>
        <translation>未设定：尚未交过车</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>进厂次数</translation>
    </message>
    <message>
        <source>The next service is overdue.</source>
        <translation>下次保养已逾期。</translation>
    </message>
    <message>
        <source>No repair orders for this vehicle yet.</source>
        <translation>该车辆暂无工单。</translation>
    </message>
    <message>
        <source>%1 in, %2 out</source>
        <translation>进厂 %1，交车 %2</translation>
    </message>
    <message>
        <source>Mileage</source>
        <translation>里程</translation>
    </message>
    <message>
        <source>Advisor</source>
        <translation>服务顾问</translation>
    </message>
    <message>
        <source>Customer&apos;s concerns</source>
        <translation>客户描述</translation>
    </message>
    <message>
        <source>Invoices</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>交车日期</translation>
    </message>
    <message>
        <source>Open the repair order</source>
        <translation>打开工单</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>Jobs, work and parts</source>
        <translation>作业、工时和配件</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
</context>
<context>
    <name>VehicleLabels</name>
    <message>
        <source>Petrol</source>
        <translation>汽油</translation>
    </message>
    <message>
        <source>Diesel</source>
        <translation>柴油</translation>
    </message>
    <message>
        <source>Hybrid</source>
        <translation>油电混合</translation>
    </message>
    <message>
        <source>Plug-in hybrid</source>
        <translation>插电混动</translation>
    </message>
    <message>
        <source>Electric</source>
        <translation>纯电动</translation>
    </message>
    <message>
        <source>LPG</source>
        <translation>液化石油气</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>VehiclesScreen</name>
    <message>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <source>VIN</source>
        <translation>车架号</translation>
    </message>
    <message>
        <source>Make</source>
        <translation>品牌</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年款</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>车主</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>No vehicles yet. Press Ctrl+N to add one.</source>
        <translation>还没有车辆。按 Ctrl+N 添加。</translation>
    </message>
    <message>
        <source>Has owner</source>
        <translation>有车主</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>No owner (stock vehicle)</source>
        <translation>无车主（库存车）</translation>
    </message>
    <message>
        <source>Decoded</source>
        <translation>VIN 解码</translation>
    </message>
    <message>
        <source>Model year</source>
        <translation>年款</translation>
    </message>
    <message>
        <source>Fuel</source>
        <translation>燃料类型</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>上牌日期</translation>
    </message>
    <message>
        <source>Odometer</source>
        <translation>行驶里程</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <source>Service history</source>
        <translation>维修档案</translation>
    </message>
</context>
<context>
    <name>Workshop</name>
    <message>
        <source>Open</source>
        <translation>已开单</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>维修中</translation>
    </message>
    <message>
        <source>Cleaning</source>
        <translation>清洁</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <source>Waiting for parts</source>
        <translation>待料</translation>
    </message>
    <message>
        <source>Waiting for work</source>
        <translation>等待派工</translation>
    </message>
    <message>
        <source>Tool and equipment upkeep</source>
        <translation>工具设备保养</translation>
    </message>
    <message>
        <source>Quality check</source>
        <translation>完工检查</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完工</translation>
    </message>
    <message>
        <source>Invoiced</source>
        <translation>已结算</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户付费</translation>
    </message>
    <message>
        <source>Warranty</source>
        <translation>索赔保修</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>Insurance</source>
        <translation>保险</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 或 %2</translation>
    </message>
    <message>
        <source>overdue by date and mileage</source>
        <translation>按日期和里程均已逾期</translation>
    </message>
    <message>
        <source>overdue by date</source>
        <translation>按日期已逾期</translation>
    </message>
    <message>
        <source>overdue by mileage</source>
        <translation>按里程已逾期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已回访</translation>
    </message>
</context>
</TS>
